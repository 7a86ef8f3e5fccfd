import Foundation

/// Swaps two folders in one step with `renameat2(RENAME_EXCHANGE)`: at every moment each name holds one of the
/// two, so a reader (or a process killed in between) never sees neither. Used wherever a folder is replaced
/// whole: a published site, a frozen edition.
public enum FolderExchange {
    typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Looked up at run time because Swift's Glibc module does not declare it.
    static let renameat2: Renameat2? = {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Renameat2.self)
        #else
            return nil
        #endif
    }()

    /// Exchanges `a` and `b`; false, with `errno` set, where the system or the filesystem cannot (ENOSYS, EINVAL).
    public static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else {
            errno = ENOSYS
            return false
        }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
