import Foundation
import JourneyCore

/// How a batch runs: what it makes, with which options, and where.
public struct BatchSettings: Sendable {
    /// What the batch makes: renders, reports or checks.
    public var kind: BatchKind = .render
    /// The options of every journey's output set.
    public var options = RenderOptions()
    /// How journeys are loaded (file size limits, include depth).
    public var load = LoadSettings()
    /// Keep the manifest: skip journeys whose outputs are current, record what was written.
    public var useManifest = true
    /// Render even journeys whose outputs are current.
    public var force = false
    /// Worker processes (1: in this process, unless a limit or `isolate` asks for a worker).
    public var jobs = 1
    /// Even one journey in a worker process.
    public var isolate = false
    /// Seconds a worker may spend on one journey; set, it puts every render in a worker.
    public var timeout: Double?
    /// A worker's address-space limit in MiB; set, it puts every render in a worker.
    public var maxMemory: Int?
    /// The defaults: a render in this process, with the manifest.
    public init() {}

    /// The limits workers run under when none is given.
    public static let defaultTimeout: Double = 120
    /// MiB.
    public static let defaultMaxMemory = 4096

    /// At most this many journeys per worker before it is replaced: Graphviz leaks a little per
    /// graph (about 30 KB), and a worker's start-up (fonts, plugins) is worth sharing.
    public static let journeysPerWorker = 32

    /// Whether journeys go to worker processes.
    func usesWorkers(count: Int) -> Bool {
        isolate || timeout != nil || maxMemory != nil || (jobs > 1 && count > 1)
    }
}

/// What a batch tells its caller as it goes; the CLI prints these, the library never does.
public enum BatchEvent: Sendable {
    /// A journey is about to be rendered (index in the batch's work, of total).
    case progress(index: Int, total: Int, path: String)
    /// One journey done: its diagnostics (with the sources for excerpts), the files written
    /// (only those whose bytes changed) and whether it failed.
    case journey(JourneyResult)
    /// A problem not tied to one journey's source (a clash of ids, a worker that died).
    case error(String)
    /// What a worker printed on standard error (Graphviz's own messages).
    case workerOutput(String)
    /// Nothing needed rendering.
    case upToDate(journeys: Int)
}

/// One journey's result in a batch.
public struct JourneyResult: Sendable {
    /// The journey file.
    public var path: String
    /// The journey's id; nil when it did not load.
    public var journeyID: String?
    /// Everything the journey's load, join and render reported.
    public var diagnostics: [Diagnostic]
    /// The source files of the diagnostics, by path, for excerpts.
    public var sources: [String: SourceFile]
    /// The files whose bytes changed.
    public var written: [String]
    /// Whether the journey failed (an error, or its set could not be written).
    public var failed: Bool
}

/// A batch of journeys, from discovery to files: the journeys' ids (two files with one id are
/// an error), staleness from the manifest, chunking, in-process or worker execution, writing,
/// and the manifest update. `render`, `watch` and `report` all run through here.
public enum RenderBatch {
    /// A journey loaded for the batch.
    struct Loaded {
        var input: JourneyDiscovery.Input
        var id: String?
        var dependencies: [String]
        var shared: Bool
        var result: LoadResult
    }

    /// Renders what needs rendering; true when nothing failed.
    @discardableResult
    public static func run(_ inputs: [JourneyDiscovery.Input], _ settings: BatchSettings, emit: (BatchEvent) -> Void) -> Bool {
        var failed = false
        let loads = load(inputs, settings)
        let duplicates = clashes(loads, emit: emit)
        if !duplicates.isEmpty { failed = true }
        let output = settings.options.outputDirectory
        let manifest = settings.useManifest ? Manifest.load(from: output) : Manifest()
        AtomicFile.removeLeftovers(in: output)
        var todo: [Loaded] = []
        var keys: [String: (Manifest.Key, [String: String])] = [:]
        var journeys = 0
        for l in loads where !l.shared {
            if let id = l.id, duplicates[id] != nil { continue }
            guard let id = l.id else {
                // Errors while loading: reported here, never sent to a worker.
                emit(
                    .journey(
                        JourneyResult(
                            path: l.input.path, journeyID: nil, diagnostics: l.result.diagnostics,
                            sources: l.result.sources, written: [], failed: true)))
                failed = true
                continue
            }
            journeys += 1
            if settings.useManifest {
                do {
                    let key = try Manifest.Key(journey: id, command: settings.kind.rawValue, options: settings.options)
                    let inputs = Manifest.inputHashes(l.dependencies)
                    keys[l.input.path] = (key, inputs)
                    if !settings.force, manifest.staleness(key, inputs: inputs, outputDirectory: output) == nil { continue }
                } catch {
                    emit(.error("cannot record options for the manifest: \(error)"))
                    failed = true
                }
            }
            todo.append(l)
        }
        if todo.isEmpty {
            if !failed { emit(.upToDate(journeys: journeys)) }
            return !failed
        }
        // Journey path → the files of its output set, relative to the output folder.
        var done: [String: [String]] = [:]
        if settings.usesWorkers(count: todo.count) {
            if !runInWorkers(todo, settings, emit: emit, done: &done) { failed = true }
        } else {
            for (index, l) in todo.enumerated() {
                emit(.progress(index: index, total: todo.count, path: l.input.path))
                let load = settings.load.options(root: l.input.root)
                let outcome =
                    settings.kind == .render
                    ? RenderJob.run(l.input, load: load, options: settings.options, loaded: l.result)
                    : ReportJob.run(l.input, load: load, options: settings.options, loaded: l.result)
                var result = JourneyResult(
                    path: l.input.path, journeyID: outcome.journeyID, diagnostics: outcome.diagnostics,
                    sources: outcome.sources, written: [], failed: outcome.failed)
                if !outcome.failed {
                    do {
                        result.written = try OutputWriter.write(outcome.files)
                        done[l.input.path] = outcome.files.map { Manifest.relative($0.path, to: output) }
                    } catch {
                        result.diagnostics.append(Diagnostic(.unwritableOutput, "\(error)", at: .file(l.input.path)))
                        result.failed = true
                    }
                }
                if result.failed { failed = true }
                emit(.journey(result))
            }
        }
        if settings.useManifest, !done.isEmpty {
            do {
                try Manifest.update(in: output) { m in
                    for (path, files) in done.sorted(by: { $0.key < $1.key }) {
                        // The hashes taken before rendering: inputs that changed meanwhile stay stale.
                        guard let (key, inputs) = keys[path] else { continue }
                        m.record(key, inputs: inputs, outputs: files)
                    }
                }
            } catch {
                emit(.error("\(error)"))
                failed = true
            }
        }
        return !failed
    }

    /// `render --check`: for each journey whose outputs are missing or out of date, its path
    /// and what is wrong; errors (clashing ids, journeys that do not load) are problems too.
    public static func check(_ inputs: [JourneyDiscovery.Input], _ settings: BatchSettings) -> [String] {
        var problems: [String] = []
        let loads = load(inputs, settings)
        let duplicates = clashes(loads) { event in
            if case .error(let m) = event { problems.append(m) }
        }
        let output = settings.options.outputDirectory
        let manifest = Manifest.load(from: output)
        for l in loads where !l.shared {
            guard let id = l.id else {
                problems.append("\(l.input.path): has errors (run 'journeymap check')")
                continue
            }
            if duplicates[id] != nil { continue }
            guard let key = try? Manifest.Key(journey: id, command: settings.kind.rawValue, options: settings.options) else { continue }
            if let problem = manifest.staleness(key, inputs: Manifest.inputHashes(l.dependencies), outputDirectory: output) {
                problems.append("\(l.input.path): \(problem)")
            }
        }
        return problems
    }

    static func load(_ inputs: [JourneyDiscovery.Input], _ settings: BatchSettings) -> [Loaded] {
        inputs.map { input in
            let (id, deps, shared, loaded) = RenderJob.dependenciesAndLoad(
                input, load: settings.load.options(root: input.root), options: settings.options)
            return Loaded(input: input, id: id, dependencies: deps, shared: shared, result: loaded)
        }
    }

    /// Ids held by more than one file, each reported.
    static func clashes(_ loads: [Loaded], emit: (BatchEvent) -> Void) -> [String: [String]] {
        let duplicates = DuplicateJourneys.find(loads.compactMap { l in l.id.map { (l.input.path, $0) } })
        for (id, files) in duplicates.sorted(by: { $0.key < $1.key }) {
            emit(.error(DuplicateJourneys.message(id: id, files: files)))
        }
        return duplicates
    }
}
