import DashboardCore
import Testing

@testable import DashboardCharts

@Suite("Alt text and captions")
struct TextTests {
    @Test func familyStarAltTextGivesSpanLatestChangeAndDirection() {
        let analysis = Fixtures.familyStar()
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(text.hasPrefix("Line chart of Family Star: positive progress made in at least 3 of the 10 domains (%): quarterly figures from 2019/20 Q1 to 2020/21 Q1."))
        #expect(text.contains("The latest figure is 68.0% in 2020/21 Q1, down 3.8 pts from 71.8% in 2019/20 Q4, which is worse (high is good)."))
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("*"))
    }

    @Test func allocationAltTextNamesTheBreakInData() {
        let analysis = Fixtures.casesAwaitingAllocation
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(text.hasPrefix("Statistical process control (XmR) chart of Pathway decisions waiting to be assigned: monthly figures from May 2019 to July 2020."))
        #expect(text.contains("The latest figure is 10 in July 2020, down 4 (28.6%) from 14 in June 2020, which is better (low is good)."))
        #expect(text.contains("Special cause variation: improvement (lower), against the process since May 2019, with 7 special-cause points."))
        #expect(text.contains("There is no figure from December 2019 to February 2020: break in data while tableau was developed."))
        #expect(text.contains("Trial limits: the mean and limits rest on 12 figures (fewer than 13), so they will change as figures are added."))
    }

    @Test func allocationAltTextSaysTooFewFiguresSinceTheBreak() {
        let analysis = Fixtures.casesAwaitingAllocationSinceBreak
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(text.hasPrefix("Line chart of Pathway decisions waiting to be assigned: monthly figures from May 2019 to July 2020."))
        #expect(text.contains("Not enough figures since the break in data in December 2019: 5 of 12."))
        #expect(!text.contains("Special cause"))
    }

    @Test func comparisonAltTextGivesTargetAndComparators() {
        let analysis = Fixtures.childProtectionReviews
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(
            text.hasPrefix(
                "Bar chart of % child protection cases which were reviewed within timescales for Leicestershire County Council in 2020/21 Q1, compared with statistical neighbours."
            ))
        #expect(text.contains("The latest figure is 94.9% (1,074) in 2020/21 Q1; the report gives it as better than the previous figure (better, high is good)."))
        #expect(text.contains("The target is 97.0%, which the latest figure misses."))
    }

    @Test func lineAltTextGivesBenchmarks() {
        let analysis = Fixtures.plansWithinTwentyWeeks
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(text.contains("Comparators for 2020: the region 67.8% and England 58.7%."))
    }

    @Test func stackedAltTextListsTheParts() {
        let analysis = Fixtures.openCasesByWorkerType
        let text = ChartText.altText(analysis.first, in: analysis)
        #expect(
            text.hasPrefix(
                "Stacked column chart of Open cases by worker type, total, split into Family Wellbeing Worker, Key Worker, Wellbeing Practitioner, Youth Worker and YOT Worker"))
        #expect(text.contains("In 2020/21 Q1: Family Wellbeing Worker 657, Key Worker 500, Wellbeing Practitioner 68, Youth Worker 121 and YOT Worker 9."))
    }

    @Test func sparklineAltTextGivesTheRangeAndGaps() {
        let text = ChartText.sparklineAltText(Fixtures.casesAwaitingAllocation.first)
        #expect(
            text
                == "Trend of Pathway decisions awaiting allocation from May 2019 to July 2020: 290 to 10, lowest 6, highest 338. There is no figure from December 2019 to February 2020: break in data while tableau was developed."
        )
    }

    @Test func captionForACommitteeReport() {
        let analysis = Fixtures.familyStar()
        #expect(
            ChartText.caption(analysis.first, in: analysis)
                == "Family Star: positive progress made in at least 3 of the 10 domains (%), 2019/20 Q1 to 2020/21 Q1. Leicestershire County Council. Source: CFWS performance appendix, Children and Families Overview and Scrutiny Committee, 1 September 2020."
        )
        let kpi = Fixtures.childProtectionReviews
        #expect(ChartText.caption(kpi.first, in: kpi).hasPrefix("% child protection cases which were reviewed within timescales, 2020/21 Q1. Leicestershire County Council."))
    }
}
