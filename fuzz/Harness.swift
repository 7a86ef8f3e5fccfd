// libFuzzer entry point for the core's parsers, compiled with the DashboardCore sources by fuzz/run.sh.
// Not part of the package build. It checks what the seeded test (ParserFuzzTests) checks, on inputs libFuzzer
// evolves with coverage feedback: no crash or memory error (AddressSanitizer), every diagnostic inside the input,
// periods read back from their labels, figures from their formatting.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lines = lineLengths(bytes)
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
        let (records, read) = CSVReader.read(bytes, file: "f.csv", delimiter: delimiter)
        let table = ObservationTable.read(records, file: "f.csv")
        for diagnostic in read.items + table.diagnostics.items where !inside(diagnostic.location, lines) {
            fatalError("\(diagnostic) lies outside the input")
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if case .success(let period) = PeriodParser.parse(text), PeriodParser.parse(period.label) != .success(period) {
        fatalError("\(text.debugDescription) is \(period) but its label \(period.label) is not")
    }
    switch FigureParser.parse(text) {
    case .success(let figure):
        if let value = figure.value {
            let formatted = Formatting.number(value, decimals: figure.decimals)
            guard case .success(let again) = FigureParser.parse(formatted), again.value == value else {
                fatalError("\(text.debugDescription) is \(value) but its formatting \(formatted) is not")
            }
        }
    case .failure(let failure):
        if failure.offset < 0 || failure.offset > text.unicodeScalars.count { fatalError("\(failure) lies outside \(text.debugDescription)") }
    }
    return 0
}

/// Characters on each line, lines ended by LF, CR or CRLF, as the reader counts them.
func lineLengths(_ bytes: [UInt8]) -> [Int] {
    var lengths: [Int] = [], length = 0, i = 0
    while i < bytes.count {
        let byte = bytes[i]
        i += 1
        if byte == 0x0A || byte == 0x0D {
            if byte == 0x0D, i < bytes.count, bytes[i] == 0x0A { i += 1 }
            lengths.append(length)
            length = 0
        } else if byte & 0xC0 != 0x80 {
            length += 1
        }
    }
    return lengths + [length]
}

func inside(_ location: SourceLocation, _ lines: [Int]) -> Bool {
    location.line >= 1 && location.line <= lines.count && location.column >= 1 && location.column <= lines[location.line - 1] + 1
}
