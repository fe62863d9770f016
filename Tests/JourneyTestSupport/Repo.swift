import Foundation

/// Paths of the repository, found from this file's location.
public enum Repo {
    /// The repository's top folder (three levels above this file).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path inside the repository.
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// Real data shipped with the repository (`Tests/Fixtures/`, attribution in its README):
    /// always present, so tests that read it are never optional.
    public static func fixture(_ relative: String) -> String { path("Tests/Fixtures/" + relative) }

    /// Test data that is not part of the product and whose licence keeps it out of the
    /// repository: the folder named by `JOURNEYMAP_SHARED`, else `../shared` beside the
    /// checkout. nil when absent; tests that need it are `.enabled(if: Repo.shared != nil)`.
    public static var shared: String? {
        if let named = ProcessInfo.processInfo.environment["JOURNEYMAP_SHARED"], !named.isEmpty {
            return FileManager.default.fileExists(atPath: named) ? named : nil
        }
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// A file under `shared/data/`, or nil when it is absent.
    public static func sharedData(_ relative: String) -> String? {
        guard let shared else { return nil }
        let p = shared + "/data/" + relative
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// The names in `folder` ending in `suffix`, sorted. Tests parameterised over a folder
    /// also assert that this is not empty (see `FolderCases`), so a moved folder fails loudly
    /// instead of running no case.
    public static func files(in folder: String, suffix: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// The built CLI (tests run after `swift build`).
    public static var binary: String {
        for config in ["debug", "release"] {
            let p = root + "/.build/\(config)/journeymap"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root + "/.build/debug/journeymap"
    }
}
