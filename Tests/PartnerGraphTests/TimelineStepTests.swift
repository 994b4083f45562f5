import Testing
import PartnerGraph
@testable import PartnerGraphFormats

/// The period a timeline takes when none is chosen (`Timeline.step`), from the unit the dates
/// are written to and the number of slices it would make.
@Suite struct TimelineStepTests {
    @Test func periodCountIsTheNumberOfPeriodsMade() throws {
        let ranges = [(20180101, 20221031), (20180315, 20180315), (19991231, 20000101), (20040101, 20041231),
                      (20000229, 20010228), (19570101, 19581231), (20201130, 20210302)]
        for (a, b) in ranges {
            for step in TimeStep.allCases {
                let made = try Timeline.periods(every: step, fromDay: a, untilDay: b).count
                #expect(Timeline.periodCount(every: step, fromDay: a, untilDay: b) == made, "\(a)–\(b) by \(step)")
            }
        }
    }

    @Test func precisionIsTheShortestUnitADateIsWrittenTo() throws {
        #expect(TimeStep(precisionOf: PartialDate("2018")!) == .year)
        #expect(TimeStep(precisionOf: PartialDate("2022-10")!) == .month)
        #expect(TimeStep(precisionOf: PartialDate("2022-10-27")!) == .day)
        // The Nordic network: 2018 and 2022-10; Coleman's: 1957 and 1958; karate: no dates.
        #expect(try NetworkFile.load(graphPath("nordic-innovation-procurement.yaml")).finestDatePrecision() == .month)
        #expect(try NetworkFile.load(graphPath("coleman-high-school.yaml")).finestDatePrecision() == .year)
        #expect(try NetworkFile.load(graphPath("karate-club.yaml")).finestDatePrecision() == nil)
        // Only the relations asked for count, and a node's own dates do.
        let n = try decodeYAML("""
            partnergraph: 1
            nodes:
              - {id: a, kind: organisation, since: "2001-02-03"}
              - {id: b, kind: organisation}
            edges:
              - {from: a, to: b, relation: partners-with, since: "2000-05"}
              - {from: b, to: a, relation: funds, since: "2000"}
            """)
        #expect(n.finestDatePrecision() == .day)
        #expect(n.finestDatePrecision(relations: ["funds"]) == .day)
        let undatedNodes = try decodeYAML("""
            partnergraph: 1
            nodes:
              - {id: a, kind: organisation}
              - {id: b, kind: organisation}
            edges:
              - {from: a, to: b, relation: partners-with, since: "2000-05"}
              - {from: b, to: a, relation: funds, since: "2000"}
            """)
        #expect(undatedNodes.finestDatePrecision(relations: ["funds"]) == .year)
        #expect(undatedNodes.finestDatePrecision(relations: ["partners-with"]) == .month)
    }

    @Test func theStepIsTheDatesOwnUnitUnlessThatMakesTooManySlices() {
        // The Nordic network's span, 2018 to October 2022: 58 months.
        #expect(Timeline.step(finest: .month, fromDay: 20180101, untilDay: 20221031, limit: 60) == .month)
        #expect(Timeline.step(finest: .month, fromDay: 20180101, untilDay: 20221031, limit: 57) == .quarter)
        // Ten years written to the month: 120 months, 40 quarters.
        #expect(Timeline.step(finest: .month, fromDay: 20000101, untilDay: 20091231, limit: 60) == .quarter)
        #expect(Timeline.step(finest: .month, fromDay: 18000101, untilDay: 20091231, limit: 60) == .year)
        // Years stay years, however short or long the span.
        #expect(Timeline.step(finest: .year, fromDay: 19570101, untilDay: 19581231, limit: 60) == .year)
        #expect(Timeline.step(finest: .year, fromDay: 10000101, untilDay: 20001231, limit: 60) == .year)
        // Days: 31 days stay days; a year of days becomes months.
        #expect(Timeline.step(finest: .day, fromDay: 20221001, untilDay: 20221031, limit: 60) == .day)
        #expect(Timeline.step(finest: .day, fromDay: 20220101, untilDay: 20221231, limit: 60) == .month)
    }
}
