#if canImport(Glibc)
    import Glibc
#endif
import CLinux
import JourneyCore

/// Writes a journey's output set (everything in its folder) so that a reader, a failed write
/// or SIGKILL only ever leaves the old set or the new one, never a mix:
///
/// 1. a staging folder `.journeymap-tmp-<pid>-<name>.XXXXXX` beside the journey's folder
///    receives hard links to the files kept and the new files, each fsynced;
/// 2. one `renameat2(RENAME_EXCHANGE)` swaps it with the journey's folder;
/// 3. the staging folder (now the old set) is removed.
///
/// A run killed between 1 and 3 leaves a staging folder whose process is gone; the next
/// write beside it removes it. When the journey's folder is a symlink or holds folders of its
/// own, the files are all written first and then renamed in turn (each file still whole).
public enum OutputWriter {
    /// Writes files whose bytes differ from what is on disk; returns the paths written.
    /// `fault` is a test seam that fails chosen writes (a full disk).
    @discardableResult
    public static func write(_ files: [OutputFile], fault: AtomicFile.FaultInjector? = nil) throws -> [String] {
        var written: [String] = []
        let byFolder = Dictionary(grouping: files) { AtomicFile.directory(of: $0.path) }
        for dir in byFolder.keys.sorted() {
            written += try writeSet(byFolder[dir]!.sorted { $0.path < $1.path }, in: dir, fault: fault)
        }
        return written
    }

    private static func writeSet(_ files: [OutputFile], in dir: String, fault: AtomicFile.FaultInjector?) throws -> [String] {
        let parent = AtomicFile.directory(of: dir)
        try AtomicFile.makeDirectories(parent)
        return try FolderLock.withLock(parent) {
            AtomicFile.removeLeftovers(in: parent)
            AtomicFile.removeLeftovers(in: dir)
            // An unchanged file is left alone: its time stamp and the folder stay quiet.
            let changed = files.filter { f in
                if case .success(let existing) = FileReader.read(f.path, limit: f.bytes.count), existing == f.bytes { return false }
                return true
            }
            if changed.isEmpty { return [] }
            var st = stat()
            let exists = lstat(dir, &st) == 0
            if exists, st.st_mode & S_IFMT != S_IFDIR {
                guard st.st_mode & S_IFMT == S_IFLNK else { throw AtomicFile.Failure(path: dir, reason: "exists and is not a folder") }
                try writeFileByFile(changed, in: dir, fault: fault)
                return changed.map(\.path)
            }
            let kept = exists ? AtomicFile.entries(of: dir).filter { name in !changed.contains { name == fileName($0.path) } } : []
            if kept.contains(where: { !isRegularFile("\(dir)/\($0)") }) {
                try writeFileByFile(changed, in: dir, fault: fault)
                return changed.map(\.path)
            }
            try swapIn(changed, keeping: kept, in: dir, parent: parent, mode: exists ? st.st_mode & 0o7777 : 0o755, fault: fault)
            return changed.map(\.path)
        }
    }

    private static func swapIn(
        _ changed: [OutputFile], keeping kept: [String], in dir: String, parent: String,
        mode: mode_t, fault: AtomicFile.FaultInjector?
    ) throws {
        var template = Array("\(parent)/\(AtomicFile.temporaryMarker)\(getpid())-\(fileName(dir)).XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw AtomicFile.Failure(path: dir, reason: AtomicFile.lastError)
        }
        let stage = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // On failure the staging folder goes; on success it holds the old set, which goes too.
        defer { AtomicFile.removeTree(stage) }
        for name in kept {
            if link("\(dir)/\(name)", "\(stage)/\(name)") != 0 {
                // A file system without hard links: copy.
                guard case .success(let bytes) = FileReader.read("\(dir)/\(name)", limit: Int.max) else {
                    throw AtomicFile.Failure(path: "\(dir)/\(name)", reason: "cannot be read to keep it in the new set")
                }
                try AtomicFile.create(bytes, at: "\(stage)/\(name)", reportedAs: "\(dir)/\(name)")
            }
        }
        for f in changed {
            try AtomicFile.create(f.bytes, at: "\(stage)/\(fileName(f.path))", reportedAs: f.path, fault: fault)
        }
        chmod(stage, mode)
        AtomicFile.syncDirectory(stage)
        var st = stat()
        if lstat(dir, &st) == 0 {
            guard jm_exchange(stage, dir) == 0 else { throw AtomicFile.Failure(path: dir, reason: AtomicFile.lastError) }
        } else {
            guard rename(stage, dir) == 0 else { throw AtomicFile.Failure(path: dir, reason: AtomicFile.lastError) }
        }
        AtomicFile.syncDirectory(parent)
    }

    /// Every file written to a temporary first, then each renamed over its target.
    private static func writeFileByFile(_ changed: [OutputFile], in dir: String, fault: AtomicFile.FaultInjector?) throws {
        var temporaries: [(String, String)] = []
        defer { for (tmp, _) in temporaries { unlink(tmp) } }
        for f in changed {
            temporaries.append((try AtomicFile.writeTemporary(f.bytes, in: dir, for: f.path, fault: fault), f.path))
        }
        while let (tmp, path) = temporaries.first {
            guard rename(tmp, path) == 0 else { throw AtomicFile.Failure(path: path, reason: AtomicFile.lastError) }
            temporaries.removeFirst()
        }
        AtomicFile.syncDirectory(dir)
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }
}
