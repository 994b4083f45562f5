import Foundation
import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// The hand-off to other systems: Neo4j's bulk-import tables and Cypher script, GraphFrames'
/// vertex and edge tables. Expected texts are written by hand from the documented formats
/// (neo4j-admin database import: `:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, `name:type`
/// headers, arrays split at ';'; GraphFrames: `id`, `src`, `dst`).
struct ExportTests {
    /// Two organisations and a person: a full date and a year, a symmetric and a directed
    /// relation, a weight, aliases, and attributes of every scalar type and a list.
    static func small() -> Network {
        var n = Network(name: "Small")
        n.addNode(Node(id: "lup", kind: .organisation, label: "LUP", country: "Norway", since: PartialDate("2010-05-01"),
                       aliases: ["Leverandørutviklingsprogrammet", "NHO LUP"], attributes: ["staff": .integer(12), "score": .number(0.5)]))
        n.addNode(Node(id: "keino", kind: .organisation, label: "KEINO", country: "Norway", since: PartialDate("2016"),
                       attributes: ["staff": .integer(8), "score": .integer(2), "open": .boolean(true)]))
        n.addNode(Node(id: "o'hara", kind: .person, label: "Ann O'Hara", attributes: ["topics": .list([.string("health"), .string("ICT")])]))
        n.addEdge(Edge(from: "lup", to: "keino", relation: .partnersWith, weight: 2, since: PartialDate("2018")))
        n.addEdge(Edge(from: "o'hara", to: "lup", relation: .worksAt))
        return n
    }

    @Test func neo4jTablesFollowTheImportHeaderFormat() throws {
        let out = try Neo4jExport.encode(Self.small())
        #expect(out.files.map(\.name) == ["nodes.csv", "relationships.csv", "import.cypher"])
        #expect(out.files[0].text == """
            id:ID,:LABEL,name,label,aliases:string[],country,since,staff:long,score:double,open:boolean,topics:string[]
            lup,Actor;Organisation,LUP,LUP,Leverandørutviklingsprogrammet;NHO LUP,Norway,2010-05-01,12,0.5,,
            keino,Actor;Organisation,KEINO,KEINO,,Norway,2016,8,2,true,
            o'hara,Actor;Person,Ann O'Hara,Ann O'Hara,,,,,,,health;ICT

            """)
        // since holds a full date and a year: text, not :date.
        #expect(out.files[1].text == """
            :START_ID,:END_ID,:TYPE,directed:boolean,weight:double,since
            lup,keino,PARTNERS_WITH,false,2.0,2018
            o'hara,lup,WORKS_AT,true,,

            """)
        #expect(out.warnings == ["Neo4j: the files cannot hold: the network's name"])
    }

    @Test func neo4jCypherScriptBuildsTheSameGraph() throws {
        let script = try Neo4jExport.encode(Self.small()).files[2].text
        let statements = script.split(separator: "\n").filter { !$0.hasPrefix("//") }.joined(separator: "\n")
        #expect(statements == """
            CREATE CONSTRAINT partnergraph_actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
            UNWIND [
              {id: 'lup', name: 'LUP', label: 'LUP', aliases: ['Leverandørutviklingsprogrammet', 'NHO LUP'], country: 'Norway', since: '2010-05-01', staff: 12, score: 0.5},
              {id: 'keino', name: 'KEINO', label: 'KEINO', country: 'Norway', since: '2016', staff: 8, score: 2.0, open: true}
            ] AS row
            CREATE (n:Actor:`Organisation`) SET n = row;
            UNWIND [
              {id: 'o\\'hara', name: 'Ann O\\'Hara', label: 'Ann O\\'Hara', topics: ['health', 'ICT']}
            ] AS row
            CREATE (n:Actor:`Person`) SET n = row;
            UNWIND [
              {s: 'lup', t: 'keino', p: {directed: false, weight: 2.0, since: '2018'}}
            ] AS row
            MATCH (a:Actor {id: row.s}), (b:Actor {id: row.t})
            CREATE (a)-[r:`PARTNERS_WITH`]->(b) SET r = row.p;
            UNWIND [
              {s: 'o\\'hara', t: 'lup', p: {directed: true}}
            ] AS row
            MATCH (a:Actor {id: row.s}), (b:Actor {id: row.t})
            CREATE (a)-[r:`WORKS_AT`]->(b) SET r = row.p;
            """)
    }

    /// Full dates are typed `:date` in the tables and `date('…')` in the script.
    @Test func neo4jTypesFullDates() throws {
        var n = Network()
        n.addNode(Node(id: "a", kind: .event, since: PartialDate("2022-10-05")))
        n.addNode(Node(id: "b", kind: NodeKind("research-group")))
        let out = try Neo4jExport.encode(n)
        #expect(out.files[0].text == "id:ID,:LABEL,name,since:date\na,Actor;Event,a,2022-10-05\nb,Actor;ResearchGroup,b,\n")
        #expect(out.files[2].text.contains("{id: 'a', name: 'a', since: date('2022-10-05')}"))
        #expect(out.files[2].text.contains("CREATE (n:Actor:`ResearchGroup`) SET n = row;"))
    }

    @Test func graphFramesTablesHaveIdSrcDst() throws {
        let out = try GraphFramesExport.encode(Self.small())
        #expect(out.files.map(\.name) == ["vertices.csv", "edges.csv"])
        #expect(out.files[0].text.hasPrefix("id,kind,label,aliases,country,since,staff,score,open,topics\n"))
        #expect(out.files[1].text == "src,dst,relation,weight,since\nlup,keino,partners-with,2.0,2018\no'hara,lup,works-at,,\n")
    }

    /// Zachary's karate club through GraphFrames' tables: every member's degree (in + out, as
    /// GraphFrames' `degrees` counts) equals the published degree sequence, 78 ties, one component.
    @Test func graphFramesKarateDegreesAreZacharys() throws {
        let out = try GraphFramesExport.encode(try loadGraph("karate-club.yaml"))
        let rows = try CSVParser.parse(out.files[1].text, file: "edges.csv").dropFirst()
        var degree: [String: Int] = [:]
        var parent: [String: String] = [:]
        func root(_ x: String) -> String { var x = x; while let p = parent[x], p != x { x = p }; return x }
        for r in rows {
            degree[r.fields[0], default: 0] += 1
            degree[r.fields[1], default: 0] += 1
            parent[r.fields[0]] = parent[r.fields[0]] ?? r.fields[0]
            parent[r.fields[1]] = parent[r.fields[1]] ?? r.fields[1]
            parent[root(r.fields[0])] = root(r.fields[1])
        }
        // networkx.karate_club_graph(), nodes 0…33 (Zachary 1977, figure 1).
        let published = [16, 9, 10, 6, 3, 4, 4, 4, 5, 2, 3, 1, 2, 5, 2, 2, 2, 2, 2, 3, 2, 2, 2, 5, 3, 3, 2, 4, 3, 4, 4, 6, 12, 17]
        #expect(rows.count == 78)
        #expect((0..<34).map { degree[String($0)] ?? 0 } == published)
        #expect(Set(parent.keys.map(root)).count == 1)
    }

    @Test func exportIsWrittenIntoAFolderAsOneChange() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pg-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try NetworkFile.save(try Neo4jExport.encode(Self.small()), toFolder: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["import.cypher", "nodes.csv", "relationships.csv"])
        let file = dir + "/nodes.csv"
        #expect(throws: FormatError.self) { try NetworkFile.save(try GraphFramesExport.encode(Self.small()), toFolder: file) }
    }
}
