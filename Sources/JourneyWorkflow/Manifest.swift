import Foundation
import JourneyCore

/// `<output>/.journeymap-manifest.json`: for each journey, a fingerprint of everything its
/// outputs depend on (the journey file, its includes, its feedback files, the tool version
/// and the options) and the outputs written. `render` skips journeys whose fingerprint is
/// unchanged and whose outputs exist; `render --check` lists what is missing or stale.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var fingerprint: String
        /// Paths relative to the output folder (the manifest moves with it).
        public var outputs: [String]
        public init(fingerprint: String, outputs: [String]) {
            self.fingerprint = fingerprint
            self.outputs = outputs
        }
    }
    public init() {}
    public var version = 1
    public var journeys: [String: Entry] = [:]

    public static let fileName = ".journeymap-manifest.json"

    public static func load(from dir: String) -> Manifest {
        guard let data = FileManager.default.contents(atPath: PathUtil.join(dir, fileName)),
              let m = try? JSONDecoder().decode(Manifest.self, from: data), m.version == 1 else { return Manifest() }
        return m
    }

    /// Applies `change` to the manifest on disk under a lock on the folder: concurrent runs
    /// into one output folder (different journeys) each add their entries, none is lost.
    public static func update(in dir: String, _ change: (inout Manifest) -> Void) throws {
        try AtomicFile.makeDirectories(dir)
        try FolderLock.withLock(dir) {
            var m = load(from: dir)
            change(&m)
            try m.write(to: dir)
        }
    }

    private func write(to dir: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        AtomicFile.removeLeftovers(in: dir)
        try AtomicFile.write(Array(try encoder.encode(self)) + [0x0A], to: PathUtil.join(dir, Manifest.fileName))
    }

    /// A fingerprint of files and settings. FNV-1a (64-bit) over each file's path, size and
    /// bytes: it detects edits, which is all this is for (not a security boundary).
    public static func fingerprint(files: [String], settings: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        mix(settings.utf8)
        for f in files.sorted() {
            mix(f.utf8)
            if case .success(let bytes) = FileReader.read(f, limit: Int.max) {
                mix(String(bytes.count).utf8)
                mix(bytes)
            } else {
                mix("missing".utf8)
            }
        }
        return String(h, radix: 16)
    }

    /// What is wrong with a journey's outputs, or nil when they are current.
    public func staleness(journeyID: String, fingerprint: String, outputDirectory: String) -> String? {
        guard let e = journeys[journeyID] else { return "never rendered" }
        if e.fingerprint != fingerprint { return "inputs or options changed since the last render" }
        if let missing = e.outputs.map({ PathUtil.join(outputDirectory, $0) }).first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            return "\(missing) is missing"
        }
        return nil
    }

    /// `path` relative to `dir` when it lies inside it.
    public static func relative(_ path: String, to dir: String) -> String {
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

extension RenderJob {
    /// Loads a journey only to learn what its outputs depend on.
    public static func dependencies(_ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions) -> (id: String?, files: [String], sharedDefinitions: Bool) {
        let (id, files, shared, _) = dependenciesAndLoad(input, load: load, options: options)
        return (id, files, shared)
    }

    /// The same, handing back the loaded journey so that rendering need not read it again.
    public static func dependenciesAndLoad(_ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions) -> (id: String?, files: [String], sharedDefinitions: Bool, loaded: LoadResult) {
        let loaded = JourneyLoader.load(path: input.path, options: load)
        guard let j = loaded.journey else { return (nil, loaded.files, loaded.isSharedDefinitions, loaded) }
        return (j.id, loaded.files + j.feedback.map(\.resolvedPath) + options.join.extraFeedback, false, loaded)
    }

    /// Everything about the options that changes the bytes written.
    public static func settingsKey(_ o: RenderOptions, command: String) -> String {
        "\(command) v\(JourneyMapVersion.string) formats=\(o.formats.map(\.rawValue).sorted()) views=\(o.views.map(\.rawValue)) paper=\(o.paper.map { "\($0.widthMM)x\($0.heightMM)" } ?? "-") tile=\(o.tile.map { "\($0.widthMM)x\($0.heightMM)/\(o.tileOverlapMM)" } ?? "-") theme=\(o.theme ?? "-") dpi=\(o.dpi) scale=\(o.fontScale) top=\(o.highlightTop) since=\(o.join.since ?? "-") until=\(o.join.until ?? "-") small=\(o.join.smallSample) strict=\(o.join.strict)"
    }
}
