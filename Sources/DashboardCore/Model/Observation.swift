public enum RAG: String, Sendable, CaseIterable, Comparable {
    case red, amber, green

    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    public var letter: String { String(rawValue.prefix(1)).uppercased() }

    public static func < (a: RAG, b: RAG) -> Bool { a.order < b.order }
    private var order: Int { self == .red ? 0 : self == .amber ? 1 : 2 }
}

/// What a published paper said for a period where the data alone cannot show it (the previous figure is
/// not in the data) or to check against what is computed.
public struct Reported: Sendable, Equatable {
    public var direction: StatedDirection?
    /// A status of the dashboard's RAG key.
    public var rag: RAGStatus?
    public var location: SourceLocation

    public init(direction: StatedDirection? = nil, rag: RAGStatus? = nil, location: SourceLocation) {
        self.direction = direction
        self.rag = rag
        self.location = location
    }
}

/// One figure of an indicator for one period, as read from a data file.
///
/// A big data file holds one of these for every figure, so it is kept small: its place in the file is stored
/// as 32-bit line and column, and what most figures lack (numerator, denominator, note, the period as written)
/// is kept apart, allocated only for the figures that have it. `ObservationLayoutTests` holds it to 64 bytes.
public struct Observation: Sendable, Equatable {
    public var period: Period
    // Laid out small fields first, so that a figure takes 64 bytes: a million figures are 61 MiB.
    private var storedDecimals: Int8
    public var gap: GapReason?
    private var hasValue: Bool
    private var line: Int32
    private var column: Int32
    private var storedValue: Double
    private var file: String
    private var extras: Extras?

    /// nil for a gap.
    public var value: Double? {
        get { hasValue ? storedValue : nil }
        set {
            hasValue = newValue != nil
            storedValue = newValue ?? 0
        }
    }

    /// What most figures do not have, shared between copies and replaced whole when one is changed.
    private final class Extras: Sendable {
        let details: Details
        init(_ details: Details) { self.details = details }
    }

    private struct Details: Equatable, Sendable {
        var numerator: Double?
        var denominator: Double?
        var note: String?
        var writtenLabel: String?
        var vintage: Vintage?
        var countsForm: CountsForm?
        var isEmpty: Bool { numerator == nil && denominator == nil && note == nil && writtenLabel == nil && vintage == nil && countsForm == nil }
    }

    private var details: Details {
        get { extras?.details ?? Details() }
        set { extras = newValue.isEmpty ? nil : Extras(newValue) }
    }

    public init(
        period: Period, value: Double?, decimals: Int = 0, numerator: Double? = nil, denominator: Double? = nil,
        gap: GapReason? = nil, note: String? = nil, location: SourceLocation
    ) {
        self.period = period
        self.hasValue = value != nil
        self.storedValue = value ?? 0
        self.storedDecimals = Int8(clamping: decimals)
        self.gap = gap
        self.line = Int32(clamping: location.line)
        self.column = Int32(clamping: location.column)
        self.file = location.file
        self.details = Details(numerator: numerator, denominator: denominator, note: note)
    }

    /// Decimal places as published (at most 127).
    public var decimals: Int {
        get { Int(storedDecimals) }
        set { storedDecimals = Int8(clamping: newValue) }
    }
    public var numerator: Double? {
        get { extras?.details.numerator }
        set { details.numerator = newValue }
    }
    public var denominator: Double? {
        get { extras?.details.denominator }
        set { details.denominator = newValue }
    }
    /// The officer's note for this figure, or the words of a gap ("Break in data while tableau was developed").
    public var note: String? {
        get { extras?.details.note }
        set { details.note = newValue }
    }
    /// How the numerator and denominator were printed with the figure (`4 of 7 (57%)`), when they were.
    public var countsForm: CountsForm? {
        get { extras?.details.countsForm }
        set { details.countsForm = newValue }
    }
    /// The period as the paper wrote it, for censuses, terms, academic years, ranges and dates written in words.
    public var writtenLabel: String? {
        get { extras?.details.writtenLabel }
        set { details.writtenLabel = newValue }
    }
    /// When and where this value was published, where the data says (several values for one period may then
    /// stand side by side: a table and a later return).
    public var vintage: Vintage? {
        get { extras?.details.vintage }
        set { details.vintage = newValue }
    }
    public var location: SourceLocation {
        get { SourceLocation(file: file, line: Int(line), column: Int(column)) }
        set {
            file = newValue.file
            line = Int32(clamping: newValue.line)
            column = Int32(clamping: newValue.column)
        }
    }

    public var isGap: Bool { value == nil }

    /// The period's name to show: as written where the paper's form is kept, else the standard form.
    public var label: String { writtenLabel ?? period.label }

    public static func == (a: Observation, b: Observation) -> Bool {
        a.period == b.period && a.value == b.value && a.storedDecimals == b.storedDecimals && a.gap == b.gap
            && a.line == b.line && a.column == b.column && a.file == b.file && a.details == b.details
    }
}
