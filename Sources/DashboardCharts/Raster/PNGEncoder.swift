import CGD

/// Writes PNGs with libpng: 8-bit RGB from gd's truecolor rows, a pHYs chunk for the physical size, and no
/// time or text chunks, so the same pixels always give the same bytes.
///
/// libpng reports errors by `longjmp`, which Swift cannot catch; the only errors it can raise here come from
/// bad dimensions or running out of memory, so sizes are checked before any call (see `ChartRenderer`) and a
/// libpng error stops the program with its message rather than continuing in an unknown state.
enum PNGEncoder {
    /// zlib settings. Measured on the example charts (see bench/charts/README.md): no row filter with the
    /// run-length strategy is fast, and level 6 gives files about the size of matplotlib's.
    struct Options {
        var filters: Int32 = PNG_FILTER_NONE
        var level: Int32 = 6
        /// 0 default, 1 filtered, 2 Huffman only, 3 RLE (zlib's Z_* strategies; zlib.h is not in png.h's API).
        var strategy: Int32 = 3
    }

    static let standard = Options()

    final class Sink {
        var bytes: [UInt8] = []
    }

    /// Encodes `height` rows of `width` gd pixels. `dpi` sets pHYs in pixels per metre.
    static func encode(width: Int, height: Int, dpi: Int, options: Options = PNGEncoder.standard,
                       row: (Int) -> UnsafePointer<Int32>) -> [UInt8] {
        precondition(width >= 1 && height >= 1 && width <= Int(PNG_USER_WIDTH_MAX) && height <= Int(PNG_USER_HEIGHT_MAX))
        let sink = Sink()
        sink.bytes.reserveCapacity(width * height / 8 + 1024)
        let io = Unmanaged.passUnretained(sink).toOpaque()
        guard let created = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, { _, message in
            fatalError("libpng: \(message.map { String(cString: $0) } ?? "error")")
        }, { _, _ in }) else { fatalError("libpng: out of memory") }
        var png: png_structp? = created
        var info = png_create_info_struct(created)
        defer { png_destroy_write_struct(&png, &info) }

        png_set_write_fn(png, io, { png, data, length in
            guard let png, let data else { return }
            let sink = Unmanaged<Sink>.fromOpaque(png_get_io_ptr(png)!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: length))
        }, nil)
        png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        let perMetre = png_uint_32((Double(max(1, dpi)) / 0.0254).rounded())
        png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER)
        png_set_filter(png, 0, options.filters)
        png_set_compression_level(png, options.level)
        png_set_compression_strategy(png, options.strategy)
        png_write_info(png, info)

        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: width * 3)
        defer { buffer.deallocate() }
        for y in 0..<height {
            let source = row(y)
            for x in 0..<width {
                let p = UInt32(bitPattern: source[x])
                buffer[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
                buffer[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
                buffer[3 * x + 2] = UInt8(truncatingIfNeeded: p)
            }
            png_write_row(png, buffer)
        }
        png_write_end(png, nil)
        return sink.bytes
    }
}
