import DashboardCore
import Foundation
import Testing

@testable import DashboardCharts

@Suite("Pixels and PNG")
struct RasterTests {
    let renderer = Shared.renderer

    /// The 70% target of the Family Star chart, 2 CSS pixels thick: 2 device rows at 1x, 4 at 2x, in the
    /// target's colour, with lighter rows either side (crisp, not smeared).
    @Test(arguments: [1.0, 2.0])
    func targetLineLandsOnWholePixelRows(scale: Double) throws {
        let spec = Fixtures.familyStar(target: 70).spec()
        let size = ChartSize.screen.scaled(scale)
        let scene = renderer.scene(spec, size: size)
        let target = try #require(scene.items(.reference(.target)).first?.line)
        let thickness = Int((target.width * scale).rounded())
        let first = Int((target.points[0].y * scale - Double(thickness) / 2).rounded())
        let x = Int(((target.points[0].x + 3) * scale).rounded())  // inside the first dash
        let image = try renderer.image(spec, size: size)
        for row in first..<(first + thickness) {
            #expect(image.pixel(x, row) == Style.text, "row \(row) at \(scale)x")
        }
        #expect(image.pixel(x, first - 1).grey > 200)
        #expect(image.pixel(x, first + thickness).grey > 200)
    }

    @Test func backgroundIsWhiteAtTheCorners() throws {
        let image = try renderer.image(Fixtures.casesAwaitingAllocation.spec(), size: .screen)
        #expect(image.width == 720 && image.height == 400)
        for (x, y) in [(0, 0), (719, 0), (0, 399), (719, 399)] { #expect(image.pixel(x, y) == .white) }
    }

    /// Diagonal lines are anti-aliased: besides the line colour and white there are shades in between.
    @Test func diagonalLinesAreAntiAliased() throws {
        let spec = Fixtures.casesAwaitingAllocation.spec()
        let scene = renderer.scene(spec, size: .screen)
        let line = try #require(scene.items(.series(0)).first?.line)
        // The steep fall from July (338) to August 2019 (146): sample across the middle of that segment.
        let (a, b) = (line.points[2], line.points[3])
        let y = Int(((a.y + b.y) / 2).rounded())
        let image = try renderer.image(spec, size: .screen)
        let greys = Set((Int(a.x)...Int(b.x)).map { image.pixel($0, y).grey.rounded() })
        let lineGrey = line.colour.grey.rounded()
        #expect(greys.contains(lineGrey) && greys.contains(255))
        #expect(greys.contains { $0 > lineGrey + 2 && $0 < 253 }, "edge pixels between the line's grey and white")
    }

    @Test func pngIsIndexedWithPrintResolution() throws {
        let png = try renderer.png(Fixtures.familiesOpen.spec(), size: Shared.printSize)
        let chunks = PNGChunks(png)
        #expect(Array(png.prefix(8)) == [137, 80, 78, 71, 13, 10, 26, 10])
        let header = try #require(chunks.first { $0.type == "IHDR" }?.data)
        #expect(header.uint32(at: 0) == 1890 && header.uint32(at: 4) == 945)
        #expect(header[8] == 8 && header[9] == 3, "8-bit indexed")
        let palette = try #require(chunks.first { $0.type == "PLTE" }?.data)
        #expect(palette.count % 3 == 0 && palette.count / 3 <= 256)
        #expect(Array(palette.prefix(3)) == [255, 255, 255], "the background is the first colour met")
        let physical = try #require(chunks.first { $0.type == "pHYs" }?.data)
        #expect(physical.uint32(at: 0) == 11811 && physical.uint32(at: 4) == 11811 && physical[8] == 1, "300 dpi in pixels per metre")
        #expect((Double(physical.uint32(at: 0)) * 0.0254).rounded() == 300)
        #expect(!chunks.contains { ["tIME", "tEXt", "zTXt", "iTXt"].contains($0.type) })
        #expect(chunks.last?.type == "IEND")
    }

    @Test func sameSpecAndSizeGiveTheSameBytes() throws {
        for spec in [Fixtures.casesAwaitingAllocation.spec(), Fixtures.openCasesByWorkerType.spec()] {
            let first = try renderer.png(spec, size: .screen)
            let second = try renderer.png(spec, size: .screen)
            let other = try ChartRenderer(fonts: renderer.fonts).png(spec, size: .screen)
            #expect(first == second && first == other)
        }
    }

    @Test func renderingInParallelMatchesRenderingAlone() async throws {
        let specs = SceneTests.allSpecs
        let alone = try specs.map { try renderer.png($0, size: .screen) }
        let shared = renderer
        let together = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, spec) in specs.enumerated() { group.addTask { (index, try shared.png(spec, size: .screen)) } }
            var result = [[UInt8]](repeating: [], count: specs.count)
            for try await (index, png) in group { result[index] = png }
            return result
        }
        #expect(alone == together)
    }

    @Test(arguments: [
        ChartSize(width: 0, height: 400), ChartSize(width: 720, height: -1), ChartSize(width: 20_000, height: 400),
        ChartSize(width: .nan, height: 400), ChartSize(width: 720, height: 400, scale: 0), ChartSize(width: 720, height: 400, dpi: 0),
    ])
    func impossibleSizesAreRefusedBeforeDrawing(size: ChartSize) {
        #expect(throws: ChartRenderError.self) { try renderer.png(Fixtures.familyStar().spec(), size: size) }
    }

    @Test func sparklineRendersAtItsSize() throws {
        let spec = try #require(ChartSpec.sparkline(Fixtures.familyStar().first))
        let image = try renderer.image(spec, size: ChartSize.sparkline.scaled(2))
        #expect(image.width == 240 && image.height == 64)
        #expect(image.rgb.contains { $0 < 100 }, "the line is drawn")
    }
}

/// A PNG's chunks, read back for checks.
struct PNGChunks: Sequence {
    struct Chunk {
        var type: String
        var data: [UInt8]
    }
    var chunks: [Chunk] = []

    init(_ bytes: [UInt8]) {
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes.uint32(at: offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            chunks.append(Chunk(type: type, data: Array(bytes[(offset + 8)..<Swift.min(bytes.count, offset + 8 + length)])))
            offset += 12 + length
        }
    }

    func makeIterator() -> IndexingIterator<[Chunk]> { chunks.makeIterator() }
    var last: Chunk? { chunks.last }
}

extension Array where Element == UInt8 {
    func uint32(at offset: Int) -> UInt32 {
        self[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

@Suite("Blending")
struct BlendTests {
    /// Every channel is rounded on its own: no carry from red into green or blue.
    @Test(arguments: [0, 1, 64, 127, 128, 200, 254, 255] as [UInt8])
    func blendMatchesPerChannelArithmetic(alpha: UInt8) {
        let pairs: [(UInt32, UInt32)] = [(0xFFFFFF, 0x505A5F), (0x000000, 0xFFFFFF), (0x12436D, 0xF3F2F1), (0xFF00FF, 0x00FF00)]
        for (dst, src) in pairs {
            let result = UInt32(bitPattern: Rasteriser.blend(Int32(bitPattern: dst), Int32(bitPattern: src), alpha))
            for shift: UInt32 in [0, 8, 16] {
                let d = Double(dst >> shift & 0xFF), s = Double(src >> shift & 0xFF), a = Double(alpha) / 255
                #expect(Double(result >> shift & 0xFF) == (s * a + d * (1 - a)).rounded(), "alpha \(alpha) channel \(shift)")
            }
            #expect(result >> 24 == 0)
        }
    }
}

@Suite("RGB packing")
struct PackingTests {
    @Test(arguments: [1, 3, 4, 5, 7, 8, 13])
    func packsPixelsToRGBInOrder(count: Int) {
        let pixels: [Int32] = (0..<count).map { (i: Int) -> Int32 in
            let (r, g, b) = (UInt32(3 * i), UInt32(3 * i + 1), UInt32(3 * i + 2))
            return Int32(bitPattern: r << 16 | g << 8 | b)
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count * 3 + 12, alignment: 4)
        defer { buffer.deallocate() }
        pixels.withUnsafeBufferPointer { RGBPacking.pack($0.baseAddress!, count: count, into: buffer) }
        let bytes = (0..<(count * 3)).map { buffer.load(fromByteOffset: $0, as: UInt8.self) }
        #expect(bytes == (0..<(count * 3)).map { UInt8($0) })
    }
}

@Suite("Indexed PNG")
struct IndexedTests {
    @Test func paletteIndicesGiveBackEveryPixel() {
        let width = 37, height = 11
        let pixels: [Int32] = (0..<(width * height)).map { i in
            let colour = UInt32((i / 5) % 200)
            return Int32(bitPattern: colour &* 0x010203 & 0xFFFFFF)
        }
        let image = pixels.withUnsafeBufferPointer { buffer in
            IndexedImage(width: width, height: height) { buffer.baseAddress! + $0 * width }
        }
        guard let image else {
            Issue.record("fits in a palette")
            return
        }
        #expect(image.palette.count == Set(pixels).count)
        var indices = [UInt8](repeating: 0, count: width)
        for y in 0..<height {
            pixels.withUnsafeBufferPointer { image.map($0.baseAddress! + y * width, count: width, into: &indices) }
            for x in 0..<width { #expect(image.palette[Int(indices[x])] == UInt32(bitPattern: pixels[y * width + x])) }
        }
    }

    @Test func moreThan256ColoursFallBackToRGB() {
        let width = 300, height = 2
        let pixels: [Int32] = (0..<(width * height)).map { Int32($0) }
        let fits = pixels.withUnsafeBufferPointer { buffer in
            IndexedImage(width: width, height: height) { buffer.baseAddress! + $0 * width } != nil
        }
        #expect(!fits)
        let png = pixels.withUnsafeBufferPointer { buffer in
            PNGEncoder.encode(width: width, height: height, dpi: 96) { buffer.baseAddress! + $0 * width }
        }
        let header = PNGChunks(png).first { $0.type == "IHDR" }!.data
        #expect(header[9] == 2, "8-bit RGB")
    }
}

@Suite("Benchmark")
struct BenchmarkTests {
    @Test func benchmarkRendersTheChartAndWritesItsData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chart-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let times = try ChartBenchmark.run(count: 2, size: ChartSize(width: 600, height: 300), outputDirectory: directory)
        #expect(times.count == 2 && times.allSatisfy { $0 > 0 })
        let png = try #require(FileManager.default.contents(atPath: directory + "/dashboards.png"))
        #expect(png.starts(with: [137, 80, 78, 71]))
        let data = try String(contentsOfFile: directory + "/data.tsv", encoding: .utf8).split(separator: "\n")
        #expect(data.first == "# target\t120")
        #expect(data.count == 2 + 40)
        #expect(data[2] == "2017-04\tApr 2017\t157")
        #expect(data.last == "2020-07\tJul 2020\t148")
    }
}
