import DashboardCore
import Testing

/// Big files are held as their figures: the size of one figure bounds the memory a million-row CSV takes
/// (`.ci/memory-checks` measures the whole: under ten times the file).
@Suite("Observation layout")
struct ObservationLayoutTests {
    @Test func aFigureTakesAtMost64Bytes() {
        #expect(MemoryLayout<Observation>.stride <= 64)
    }

    @Test func theRarelyUsedPartsRoundTripAndCompareEqual() {
        let location = SourceLocation(file: "a.csv", line: 3, column: 7)
        var a = Observation(period: .month(year: 2020, month: 3), value: 94.9, decimals: 1, location: location)
        #expect(a.numerator == nil && a.note == nil && a.writtenLabel == nil)
        a.numerator = 1074
        a.writtenLabel = "Spring Census 2020"
        var b = a
        #expect(a == b)
        b.note = "provisional"
        #expect(a != b && a.note == nil && b.note == "provisional" && b.numerator == 1074)
        b.value = nil
        #expect(b.isGap && b.value == nil)
        b.value = 0
        #expect(b.value == 0 && !b.isGap)
        #expect(b.location == location)
    }
}
