import Foundation
import PartnerGraph

/// Writes output files so that a failure never leaves half a file, and never replaces what is
/// not ours to replace.
///
/// - A regular file (or a new one) is written to a temporary file beside it (`.pg-PID-N.tmp`,
///   short whatever the target's name), then renamed over it: readers see the old file or the
///   new one, never a mix, also when two processes write the same path (the last rename wins).
///   An existing file keeps its permission bits.
/// - A symbolic link is followed: the file it points to is replaced, the link stays.
/// - A character device or FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written through,
///   as `cp` does; a write error (`/dev/full`) is reported.
/// - A folder, socket or block device, a file without write permission, and a file with more
///   than one name (a hard link, which a rename would silently split) are refused.
/// - Temporary files of ours left by a process that no longer runs (killed with SIGKILL, or a
///   power loss) and untouched for a minute are removed on the next write into the same folder.
/// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` (and links to them) are our
///   own descriptors, written as they stand.
/// - `-` is standard output; a failing write there (a full disk, a closed pipe) throws.
///
/// Every failure is a `FormatError` naming the path.
public enum OutputFile {
    /// Writes `data` to `path`.
    public static func write(_ data: Data, to path: String) throws {
        try write([(data, path)])
    }

    /// Writes several files as one change: every temporary file is written first (a full disk
    /// fails before anything is replaced), then all are renamed into place while a signal
    /// waits (`Interruption.deferSignals`), so that an interruption cannot leave some files new
    /// and others old.
    public static func write(_ files: [(data: Data, path: String)]) throws {
        var staged: [(tmp: String, target: String)] = []
        var direct: [(data: Data, path: String)] = []
        var descriptors: [(data: Data, fd: Int32, path: String)] = []
        defer { for s in staged { unlink(s.tmp); Interruption.release(s.tmp) } }
        var seen: [String: String] = [:]
        for (_, path) in files where path != "-" {
            let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if let first = seen[key] {
                throw FormatError("cannot write: named twice (as \(first) and \(path)); one would overwrite the other", at: SourceLocation(file: path))
            }
            seen[key] = path
        }
        for (data, path) in files {
            if path == "-" {
                descriptors.append((data, STDOUT_FILENO, path))
                continue
            }
            switch try classify(path) {
            case .writeThrough:
                direct.append((data, path))
            case .descriptor(let fd):
                descriptors.append((data, fd, path))
            case .replace(let target, let mode):
                let tmp = try stage(data, beside: target, mode: mode, reported: path)
                staged.append((tmp, target))
            }
        }
        for (data, fd, path) in descriptors { try writeAll(data, to: fd, path: path) }
        for (data, path) in direct {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw failure(path, errno) }
            defer { close(fd) }
            try writeAll(data, to: fd, path: path)
        }
        guard !staged.isEmpty else { return }
        // A signal that arrives now, on any thread, waits until every file is in place.
        Interruption.deferSignals()
        defer { Interruption.resumeSignals() }
        for (i, s) in staged.enumerated() {
            guard rename(s.tmp, s.target) == 0 else {
                let code = errno
                throw FormatError("cannot write: \(String(cString: strerror(code)))" + (i > 0 ? " (the files before it were written)" : ""),
                                  at: SourceLocation(file: s.target))
            }
        }
        for s in staged { Interruption.release(s.tmp) }
        staged = []
    }

    /// Writes every byte to a file descriptor, retrying short writes and EINTR.
    public static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var p = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Foundation.write(fd, p, min(left, 1 << 20))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure(path, errno)
                }
                p += n
                left -= n
            }
        }
    }

    private enum Plan {
        case writeThrough
        /// One of our own open descriptors (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`):
        /// written as it stands, so `-o /dev/stdout >> log` appends and a pipe gets the bytes.
        case descriptor(Int32)
        /// Replace `target` (the path with links resolved), giving the new file `mode`.
        case replace(target: String, mode: mode_t?)
    }

    /// The descriptor a path names: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    private static func classify(_ path: String) throws -> Plan {
        var target = path
        var st = stat()
        for _ in 0..<40 {
            if let fd = descriptor(named: target) { return .descriptor(fd) }
            guard lstat(target, &st) == 0 else {
                guard errno == ENOENT else { throw failure(path, errno) }
                try requireFolder(of: target, reported: path)
                return .replace(target: target, mode: nil)
            }
            guard (st.st_mode & S_IFMT) == S_IFLNK else { break }
            target = try resolveLink(target, reported: path)
        }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            throw FormatError("cannot write: too many levels of symbolic links", at: SourceLocation(file: path))
        case S_IFCHR, S_IFIFO:
            return .writeThrough
        case S_IFDIR:
            throw FormatError("cannot write: is a folder", at: SourceLocation(file: path))
        case S_IFREG:
            if st.st_nlink > 1 {
                throw FormatError("cannot write: the file has \(st.st_nlink) names (hard links), which replacing it would split; write to a new file or remove the other names", at: SourceLocation(file: path))
            }
            if st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0 {
                throw FormatError("cannot write: the file is read-only", at: SourceLocation(file: path))
            }
            if access(target, W_OK) != 0 { throw failure(path, errno) }
            return .replace(target: target, mode: st.st_mode & 0o7777)
        default:
            throw FormatError("cannot write: not a regular file, device or pipe", at: SourceLocation(file: path))
        }
    }

    private static func resolveLink(_ link: String, reported: String) throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(link, &buffer, buffer.count - 1)
        guard n >= 0 else { throw failure(reported, errno) }
        let destination = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return ((link as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
    }

    private static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    private static func requireFolder(of path: String, reported: String) throws {
        let dir = folder(of: path)
        var st = stat()
        guard stat(dir, &st) == 0 else {
            throw FormatError("cannot write: the folder \(dir) does not exist", at: SourceLocation(file: reported))
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw FormatError("cannot write: \(dir) is not a folder", at: SourceLocation(file: reported))
        }
    }

    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    /// Writes `data` to a new temporary file in `target`'s folder and returns its path.
    private static func stage(_ data: Data, beside target: String, mode: mode_t?, reported: String) throws -> String {
        let dir = folder(of: target)
        removeStaleTemporaries(in: dir)
        var tmp = "", fd: Int32 = -1
        // A name a process with our number left (a container's PID 1, killed) is skipped.
        for _ in 0..<1_000 {
            counterLock.lock()
            counter += 1
            let n = counter
            counterLock.unlock()
            tmp = (dir as NSString).appendingPathComponent(".pg-\(getpid())-\(n).tmp")
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw failure(reported, errno) }
        Interruption.removeOnInterrupt(tmp)
        do {
            try writeAll(data, to: fd, path: reported)
            if let mode { fchmod(fd, mode) }
            guard fsync(fd) == 0 || errno == EINVAL else { throw failure(reported, errno) }
            guard close(fd) == 0 else { throw failure(reported, errno) }
        } catch {
            close(fd)
            unlink(tmp)
            Interruption.release(tmp)
            throw error
        }
        return tmp
    }

    /// The name of our temporary files, and the process that made them.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix(".pg-"), name.hasSuffix(".tmp") else { return nil }
        let middle = name.dropFirst(4).dropLast(4).split(separator: "-")
        guard middle.count == 2, let pid = pid_t(middle[0]), Int(middle[1]) != nil else { return nil }
        return pid
    }

    /// How long a temporary file must have been left untouched before it counts as stale.
    public static let staleAfter: TimeInterval = 60

    /// Removes our temporary files whose process no longer runs and that nothing has written
    /// for `staleAfter` seconds (a process in another PID namespace sharing the folder would
    /// look dead; its file, being written, is newer).
    static func removeStaleTemporaries(in dir: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        let now = Date().timeIntervalSince1970
        for name in names {
            guard let pid = temporaryOwner(name), pid != getpid() else { continue }
            let path = (dir as NSString).appendingPathComponent(name)
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, now - Double(st.st_mtim.tv_sec) >= staleAfter else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(path) }
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> FormatError {
        FormatError("cannot write: \(String(cString: strerror(code)))", at: SourceLocation(file: path == "-" ? "standard output" : path))
    }
}
