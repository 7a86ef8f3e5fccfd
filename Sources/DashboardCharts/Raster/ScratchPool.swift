import Foundation

/// Reusable scratch memory for the supersampling buffer (up to tens of megabytes at print sizes).
///
/// Allocating and freeing that much per chart goes to the kernel each time (mmap, page faults, munmap), which
/// costs milliseconds and serialises parallel rendering; keeping a few buffers avoids it. Each thread takes a
/// buffer for the length of one flush and gives it back.
final class ScratchPool: @unchecked Sendable {
    private var buffers: [(pointer: UnsafeMutableRawPointer, bytes: Int)] = []  // guarded by `lock`
    private let lock = NSLock()
    /// Buffers kept between uses (one per rendering thread is enough).
    static let kept = 4

    func withScratch<T>(bytes: Int, _ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        var buffer = lock.withLock { buffers.popLast() }
        if let existing = buffer, existing.bytes < bytes {
            existing.pointer.deallocate()
            buffer = nil
        }
        let taken = buffer ?? (UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64), bytes)
        defer {
            let kept = lock.withLock { () -> Bool in
                guard buffers.count < ScratchPool.kept else { return false }
                buffers.append(taken)
                return true
            }
            if !kept { taken.pointer.deallocate() }
        }
        return try body(taken.pointer)
    }

    deinit {
        for buffer in buffers { buffer.pointer.deallocate() }
    }
}
