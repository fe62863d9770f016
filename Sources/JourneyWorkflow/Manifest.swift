import Foundation
import JourneyCore

/// `<output>/.journeymap-manifest.json`: one entry per output set (a journey rendered with
/// one set of options), keyed by the journey id and a hash of its Codable options, holding
/// the options themselves, a hash of every input file (journey, includes, feedback), the tool
/// version and the files written. `render` skips a journey whose entry matches and whose
/// files exist; `render --check` says what differs: which input file, which option, which
/// output is missing. A poster render and a plain render into one folder keep an entry each.
public struct Manifest: Codable, Sendable, Equatable {
    /// One output set: what made it and what it holds.
    public struct Entry: Codable, Sendable, Equatable {
        /// The journey's id.
        public var journey: String
        /// The tool version that wrote the set.
        public var tool: String
        /// The options, flattened (`join.since`, `theme` …) to JSON text, for explanations.
        public var options: [String: String]
        /// Input path → FNV-1a hash of its size and bytes.
        public var inputs: [String: String]
        /// Paths relative to the output folder (the manifest moves with it).
        public var outputs: [String]
    }

    /// An empty manifest.
    public init() {}
    /// The manifest format; a file of another version is ignored.
    public var version = 2
    /// `<journey id> <options hash>` → entry.
    public var sets: [String: Entry] = [:]

    /// The manifest's file name in an output folder.
    public static let fileName = ".journeymap-manifest.json"

    /// The manifest in `dir`; empty when there is none, or one of an older version (whose
    /// journeys then render once more).
    public static func load(from dir: String) -> Manifest {
        guard let data = FileManager.default.contents(atPath: PathUtil.join(dir, fileName)),
            let m = try? JSONDecoder().decode(Manifest.self, from: data), m.version == 2
        else { return Manifest() }
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

    /// Records a set, dropping earlier sets of the journey whose files it overwrote.
    public mutating func record(_ key: Key, inputs: [String: String], outputs: [String]) {
        sets = sets.filter { $0.value.journey != key.journey || Set($0.value.outputs).isDisjoint(with: outputs) }
        sets[key.id] = Entry(
            journey: key.journey, tool: JourneyMapVersion.string, options: key.options, inputs: inputs, outputs: outputs.sorted())
    }

    /// Identifies an output set: the journey and the options that shape its bytes.
    public struct Key: Sendable, Equatable {
        /// The journey's id.
        public var journey: String
        /// The options, flattened to JSON text by key path.
        public var options: [String: String]
        /// The hash of the options' JSON (sorted keys).
        public var hash: String
        /// The set's key in `sets`: the journey id and the hash.
        public var id: String { "\(journey) \(hash)" }

        /// The output folder and the layout limit change no byte, so they are left out.
        public init(journey: String, command: String, options: RenderOptions) throws {
            var o = options
            o.outputDirectory = ""
            o.maxLayoutTouchpoints = RenderOptions.defaultMaxLayoutTouchpoints
            // The join's threads change no byte of its results.
            o.join.threads = nil
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(o)
            self.journey = journey
            var flat = Manifest.flatten(try JSONSerialization.jsonObject(with: json))
            flat["outputDirectory"] = nil
            flat["maxLayoutTouchpoints"] = nil
            flat["command"] = "\"\(command)\""
            self.options = flat
            self.hash = Manifest.hash(Array(command.utf8) + [0] + Array(json))
        }
    }

    /// What is wrong with a journey's outputs, or nil when they are current.
    public func staleness(_ key: Key, inputs: [String: String], outputDirectory: String) -> String? {
        guard let e = sets[key.id] else {
            let earlier = sets.values.filter { $0.journey == key.journey }
            guard !earlier.isEmpty else { return "never rendered" }
            // The set with the fewest differences explains best what changed.
            let changes = earlier.map { Manifest.differences(from: $0.options, to: key.options) }.min { $0.count < $1.count } ?? []
            return "rendered with other options: " + changes.joined(separator: ", ")
        }
        if e.tool != JourneyMapVersion.string { return "rendered by journeymap \(e.tool), this is \(JourneyMapVersion.string)" }
        for path in Set(inputs.keys).union(e.inputs.keys).sorted() {
            switch (e.inputs[path], inputs[path]) {
            case (nil, _): return "\(path) is a new input since the last render"
            case (_, nil): return "\(path) is no longer an input"
            case (let a, let b) where a != b: return "\(path) changed since the last render"
            default: continue
            }
        }
        if let missing = e.outputs.map({ PathUtil.join(outputDirectory, $0) }).first(where: { !FileManager.default.fileExists(atPath: $0) })
        {
            return "\(missing) is missing"
        }
        return nil
    }

    /// The options that differ, named as on the command line: `--theme was unset, now dark`.
    static func differences(from old: [String: String], to new: [String: String]) -> [String] {
        // Keys that change no byte (written by earlier versions) are not differences.
        let ignored: Set<String> = ["outputDirectory", "maxLayoutTouchpoints"]
        let changed = Set(old.keys).union(new.keys).filter { !ignored.contains($0) && old[$0] != new[$0] }
        var flags: Set<String> = []
        for key in changed { flags.insert(flagNames[key] ?? flagNames.first { key.hasPrefix($0.key + ".") }?.value ?? key) }
        func value(_ options: [String: String], _ flag: String) -> String {
            let keys = options.keys.filter { k in (flagNames[k] ?? flagNames.first { k.hasPrefix($0.key + ".") }?.value ?? k) == flag }
            if keys.isEmpty { return "unset" }
            // Paper sizes read as the user wrote them: 420×297 mm.
            if let w = keys.first(where: { $0.hasSuffix(".widthMM") }), let h = keys.first(where: { $0.hasSuffix(".heightMM") }) {
                return "\(readable(options[w]!))×\(readable(options[h]!)) mm"
            }
            return keys.sorted().map { readable(options[$0]!) }.joined(separator: " ")
        }
        return flags.sorted().map { "\($0) was \(value(old, $0)), now \(value(new, $0))" }
    }

    /// The command-line option behind each key of `RenderOptions`.
    static let flagNames: [String: String] = [
        "formats": "--format", "views": "--view", "paper": "--paper", "tile": "--tile", "tileOverlapMM": "--overlap", "detail": "--detail",
        "theme": "--theme", "dpi": "--dpi", "highlightTop": "--highlight", "fontScale": "the font scale",
        "join.extraFeedback": "--feedback", "join.since": "--since", "join.until": "--until",
        "join.smallSample": "--small-sample", "join.strict": "--strict", "command": "the command",
    ]

    /// JSON text as a user writes it: `["svg","png"]` → `svg,png`, `"dark"` → `dark`.
    static func readable(_ json: String) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else { return json }
        if let s = value as? String { return s }
        if let a = value as? [Any] { return a.isEmpty ? "none" : a.map { "\($0)" }.joined(separator: ",") }
        return json
    }

    /// Nested JSON objects as `a.b` keys, values as compact JSON text.
    static func flatten(_ value: Any, prefix: String = "") -> [String: String] {
        if let dict = value as? [String: Any] {
            var out: [String: String] = [:]
            for (k, v) in dict { out.merge(flatten(v, prefix: prefix.isEmpty ? k : "\(prefix).\(k)")) { a, _ in a } }
            return out
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return [prefix: String(decoding: data, as: UTF8.self)]
    }

    /// Input path → hash of its size and bytes ("missing" when it cannot be read).
    public static func inputHashes(_ files: [String]) -> [String: String] {
        var out: [String: String] = [:]
        for f in files {
            if case .success(let bytes) = FileReader.read(f, limit: Int.max) {
                out[f] = hash(Array(String(bytes.count).utf8) + [0] + bytes)
            } else {
                out[f] = "missing"
            }
        }
        return out
    }

    /// FNV-1a, 64-bit: detects edits, which is all this is for (not a security boundary).
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// `path` relative to `dir` when it lies inside it.
    public static func relative(_ path: String, to dir: String) -> String {
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

extension RenderJob {
    /// Loads a journey to learn its id and what its outputs depend on, handing back the loaded
    /// journey so that rendering need not read it again.
    public static func dependenciesAndLoad(
        _ input: JourneyDiscovery.Input, load: LoadOptions, options: RenderOptions
    ) -> (id: String?, files: [String], sharedDefinitions: Bool, loaded: LoadResult) {
        let loaded = JourneyLoader.load(path: input.path, options: load)
        guard let j = loaded.journey else { return (nil, loaded.files, loaded.isSharedDefinitions, loaded) }
        return (j.id, loaded.files + j.feedback.map(\.resolvedPath) + options.join.extraFeedback, false, loaded)
    }
}
