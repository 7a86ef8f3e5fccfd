import CGD
import Foundation

/// Writes PNGs with libpng from gd's truecolor rows: 8-bit indexed when the chart has at most 256 colours (it
/// nearly always does: text coverage has 32 levels), else 8-bit RGB; a pHYs chunk for the physical size; no
/// time or text chunks, so the same pixels always give the same bytes.
///
/// An indexed chart is a third of the bytes for zlib to compress: on the 57 example charts at three sizes,
/// encoding takes about half the time of RGB and files are about 60% smaller.
///
/// libpng reports errors by `longjmp`, which Swift cannot catch; the only errors it can raise here come from
/// bad dimensions or running out of memory, so sizes are checked before any call (see `ChartRenderer`) and a
/// libpng error stops the program with its message rather than continuing in an unknown state.
enum PNGEncoder {
    /// zlib settings, measured on the 57 example charts at 16 × 8 cm, 300 dpi (1890 × 945 px), per chart:
    ///
    /// | filter | level | strategy | time | size |
    /// |---|---|---|---|---|
    /// | none | 1 | default | 7.5 ms | 92 KB |
    /// | none | 3 | default | 7.7 ms | 85 KB |
    /// | none | 6 | default | 15.6 ms | 63 KB |
    /// | none | 9 | default | 63 ms | 58 KB |
    /// | none | 6 | RLE | 9.6 ms | 263 KB |
    /// | up | 3 | default | 9.1 ms | 94 KB |
    /// | paeth | 3 | default | 13.5 ms | 94 KB |
    /// | all five | 6 | default | 33.7 ms | 70 KB |
    ///
    /// Charts are large flat areas, which deflate matches well without a row filter; filters only add work.
    /// Level 3 is the last of zlib's fast levels: half the time of level 6 for files a third larger.
    struct Options {
        var filters: Int32 = PNG_FILTER_NONE
        var level: Int32 = 3
        /// 0 default, 1 filtered, 2 Huffman only, 3 RLE (zlib's Z_* strategies; zlib.h is not in png.h's API).
        var strategy: Int32 = 0
        /// Write a palette image when the chart has at most 256 colours (it nearly always does), else RGB.
        var indexed = true
    }

    static let standard = Options()

    final class Sink {
        var bytes: [UInt8] = []
    }

    /// Encodes `height` rows of `width` gd pixels. `dpi` sets pHYs in pixels per metre.
    static func encode(
        width: Int, height: Int, dpi: Int, options: Options = PNGEncoder.standard,
        row: (Int) -> UnsafePointer<Int32>
    ) -> [UInt8] {
        precondition(width >= 1 && height >= 1 && width <= Int(PNG_USER_WIDTH_MAX) && height <= Int(PNG_USER_HEIGHT_MAX))
        let sink = Sink()
        sink.bytes.reserveCapacity(width * height / 16 + 1024)
        return withExtendedLifetime(sink) { write(into: sink, width: width, height: height, dpi: dpi, options: options, row: row) }
    }

    private static func write(
        into sink: Sink, width: Int, height: Int, dpi: Int, options: Options,
        row: (Int) -> UnsafePointer<Int32>
    ) -> [UInt8] {
        let io = Unmanaged.passUnretained(sink).toOpaque()
        guard
            let created = png_create_write_struct(
                PNG_LIBPNG_VER_STRING, nil,
                { _, message in
                    fatalError("libpng: \(message.map { String(cString: $0) } ?? "error")")
                }, { _, _ in })
        else { fatalError("libpng: out of memory") }
        var png: png_structp? = created
        var info = png_create_info_struct(created)
        defer { png_destroy_write_struct(&png, &info) }

        png_set_write_fn(
            png, io,
            { png, data, length in
                guard let png, let data else { return }
                let sink = Unmanaged<Sink>.fromOpaque(png_get_io_ptr(png)!).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
            }, nil)
        let perMetre = png_uint_32((Double(max(1, dpi)) / 0.0254).rounded())
        png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER)
        png_set_filter(png, 0, options.filters)
        png_set_compression_level(png, options.level)
        png_set_compression_strategy(png, options.strategy)

        if options.indexed, let indexed = IndexedImage(width: width, height: height, row: row) {
            png_set_IHDR(
                png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
            let colours = indexed.palette.map { p in
                png_color(red: UInt8(truncatingIfNeeded: p >> 16), green: UInt8(truncatingIfNeeded: p >> 8), blue: UInt8(truncatingIfNeeded: p))
            }
            colours.withUnsafeBufferPointer { png_set_PLTE(png, info, $0.baseAddress, Int32($0.count)) }
            png_write_info(png, info)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: width)
            defer { buffer.deallocate() }
            for y in 0..<height {
                // A row like the one above maps to the same indices, still in the buffer.
                if y == 0 || memcmp(row(y), row(y - 1), width * 4) != 0 { indexed.map(row(y), count: width, into: buffer) }
                png_write_row(png, buffer)
            }
        } else {
            png_set_IHDR(
                png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
            png_write_info(png, info)
            // Rows are packed to RGB four pixels (three 32-bit words) at a time, plus a tail.
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: width * 3 + 12, alignment: 4)
            defer { buffer.deallocate() }
            let bytes = buffer.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                RGBPacking.pack(row(y), count: width, into: buffer)
                png_write_row(png, bytes)
            }
        }
        png_write_end(png, nil)
        return sink.bytes
    }
}

/// A palette for an image with at most 256 colours, numbered in the order they first appear so the same pixels
/// always give the same palette. Built in one pass over the pixels; rows are then mapped one at a time, so
/// no image-sized buffer is allocated (large allocations per chart cost page faults and serialise threads).
struct IndexedImage {
    private(set) var palette: [UInt32] = []
    // Open addressing on 1,024 slots; gd's opaque pixels never have the top bit set, so it marks a free slot.
    private var keys = [UInt32](repeating: IndexedImage.free, count: 1024)
    private var values = [UInt8](repeating: 0, count: 1024)
    static let free = UInt32.max

    init?(width: Int, height: Int, row: (Int) -> UnsafePointer<Int32>) {
        palette.reserveCapacity(256)
        var last = IndexedImage.free
        for y in 0..<height {
            let source = row(y)
            // A row like the one above has no new colours (plot areas repeat row after row).
            if y > 0, memcmp(source, row(y - 1), width * 4) == 0 { continue }
            for x in 0..<width {
                let p = UInt32(bitPattern: source[x]) & 0x00FF_FFFF
                guard p != last else { continue }
                last = p
                let slot = self.slot(p)
                if keys[slot] == IndexedImage.free {
                    guard palette.count < 256 else { return nil }
                    keys[slot] = p
                    values[slot] = UInt8(palette.count)
                    palette.append(p)
                }
            }
        }
    }

    @inline(__always) private func slot(_ p: UInt32) -> Int {
        var slot = Int((p &* 0x9E37_79B1) >> 22)
        while keys[slot] != p && keys[slot] != IndexedImage.free { slot = (slot + 1) & 1023 }
        return slot
    }

    /// One row's palette indices.
    func map(_ source: UnsafePointer<Int32>, count: Int, into target: UnsafeMutablePointer<UInt8>) {
        var last = IndexedImage.free, index: UInt8 = 0
        for x in 0..<count {
            let p = UInt32(bitPattern: source[x]) & 0x00FF_FFFF
            if p != last {
                last = p
                index = values[slot(p)]
            }
            target[x] = index
        }
    }
}

/// gd's truecolor pixels (0x00RRGGBB in native-endian ints) to packed 8-bit RGB.
enum RGBPacking {
    static func pack(_ source: UnsafePointer<Int32>, count: Int, into destination: UnsafeMutableRawPointer) {
        let words = destination.assumingMemoryBound(to: UInt32.self)
        var x = 0, w = 0
        while x + 4 <= count {
            let p0 = UInt32(bitPattern: source[x]), p1 = UInt32(bitPattern: source[x + 1])
            let p2 = UInt32(bitPattern: source[x + 2]), p3 = UInt32(bitPattern: source[x + 3])
            // Byte order in memory: R0 G0 B0 R1 | G1 B1 R2 G2 | B2 R3 G3 B3 (little-endian words).
            words[w] = (p0 >> 16 & 0xFF) | (p0 & 0xFF00) | (p0 & 0xFF) << 16 | (p1 >> 16 & 0xFF) << 24
            words[w + 1] = (p1 >> 8 & 0xFF) | (p1 & 0xFF) << 8 | (p2 >> 16 & 0xFF) << 16 | (p2 >> 8 & 0xFF) << 24
            words[w + 2] = (p2 & 0xFF) | (p3 >> 16 & 0xFF) << 8 | (p3 >> 8 & 0xFF) << 16 | (p3 & 0xFF) << 24
            x += 4
            w += 3
        }
        let bytes = destination.assumingMemoryBound(to: UInt8.self)
        while x < count {
            let p = UInt32(bitPattern: source[x])
            bytes[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
            bytes[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
            bytes[3 * x + 2] = UInt8(truncatingIfNeeded: p)
            x += 1
        }
    }
}
