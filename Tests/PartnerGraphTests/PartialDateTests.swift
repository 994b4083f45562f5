import Testing
import PartnerGraph

@Suite struct PartialDateTests {
    @Test func parsesPartialDates() {
        #expect(PartialDate("2010")?.description == "2010")
        #expect(PartialDate("2022-10")?.description == "2022-10")
        #expect(PartialDate("2024-02-29")?.description == "2024-02-29")
        for bad in ["2023-02-29", "2022-13", "22-10", "2022-1", "2022/10", "", "2022-10-", "abcd", "2022-00"] {
            #expect(PartialDate(bad) == nil, "\(bad)")
        }
    }

    @Test func intervals() {
        let oct = PartialDate("2022-10")!
        #expect(oct.firstDay == 20221001)
        #expect(oct.lastDay == 20221031)
        #expect(PartialDate("2024-02")!.lastDay == 20240229)
        #expect(PartialDate("2010")!.lastDay == 20101231)
    }

    @Test func edgeValidity() {
        let e = Edge(from: "a", to: "b", relation: .hosted, since: PartialDate("2022-10"), until: PartialDate("2022-10"))
        #expect(e.isValid(fromDay: 20221027, toDay: 20221027))
        #expect(!e.isValid(fromDay: 20221101, toDay: 20221130))
        #expect(!e.isValid(fromDay: 20200101, toDay: 20220930))
        #expect(Edge(from: "a", to: "b", relation: .hosted).isValid(fromDay: 1, toDay: 2))
    }
}
