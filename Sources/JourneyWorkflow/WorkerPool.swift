import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Runs copies of our own binary as worker processes, at most `jobs` at a time, each under a
/// deadline per journey. Graphviz is not thread-safe and leaks a little per graph, and libgvc
/// can abort the process that hosts it, so parallelism, recycling and deadlines all come from
/// processes: a worker renders a bounded chunk of journeys and exits; one that spends longer
/// than the deadline on one journey is killed, and only its journeys from then on fail.
public enum WorkerPool {
    /// One worker process to run.
    public struct Task: Sendable {
        /// The worker's arguments (after our own binary's path).
        public var arguments: [String]
        /// Bytes for the worker's standard input (the job).
        public var input: [UInt8]
        /// Seconds a worker may go without finishing a journey (a line on its standard output).
        public var deadline: Double
        /// A task; `input` goes to the worker's standard input.
        public init(arguments: [String], input: [UInt8] = [], deadline: Double) {
            self.arguments = arguments
            self.input = input
            self.deadline = deadline
        }
    }

    /// How a worker ended and what it printed.
    public struct Result: Sendable {
        /// The exit status (or the signal's number when `signaled`).
        public var status: Int32
        /// Everything it wrote on standard output (the result lines).
        public var stdout: String
        /// Everything it wrote on standard error.
        public var stderr: String
        /// It was killed for passing the deadline.
        public var timedOut: Bool
        /// The worker died of a signal (an abort inside libgvc, the memory limit, a kill).
        public var signaled: Bool = false

        /// A result from its parts.
        public init(status: Int32, stdout: String, stderr: String, timedOut: Bool, signaled: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.timedOut = timedOut
            self.signaled = signaled
        }
    }

    /// Why a worker died of a signal, in words: an allocation that failed (what the worker
    /// printed says so) is blamed on the memory limit; anything else on Graphviz.
    public static func cause(of result: Result, memoryLimit: Int) -> String {
        let said = result.stderr.lowercased()
        if ["out of memory", "failed to allocate", "cannot allocate", "resource temporarily unavailable"].contains(where: said.contains) {
            return
                "out of memory: an allocation failed under the --max-memory limit of \(memoryLimit) MiB; raise it, lower --dpi or split the journey"
        }
        return "Graphviz crashed"
    }

    /// What a worker printed on standard error, without the runtime's stack dump.
    public static func message(of result: Result) -> String {
        guard result.signaled else { return result.stderr }
        let said = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.hasPrefix("Current stack trace") && !$0.hasPrefix("*** ") }
        return said.joined(separator: "\n") + (said.isEmpty ? "" : "\n")
    }

    /// The running executable (workers are copies of it). Linux only, like the package.
    public static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs every task; results come back in task order, whatever order workers finish in.
    /// `finished` is called as each worker ends (for progress), in the order they end.
    public static func run(
        _ tasks: [Task], jobs: Int, executable: String = executablePath,
        finished: (Int, Result) -> Void = { _, _ in }
    ) -> [Result] {
        struct Running {
            var index: Int
            var process: Process
            var out: String
            var err: String
            var lastProgress: Date
            var outSize: Int = 0
            var killed = false
        }
        var results = [Result?](repeating: nil, count: tasks.count)
        var running: [Running] = []
        var next = 0
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("journeymap-workers-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        func finish(_ r: Running) {
            let out = String(decoding: FileManager.default.contents(atPath: r.out) ?? Data(), as: UTF8.self)
            let err = String(decoding: FileManager.default.contents(atPath: r.err) ?? Data(), as: UTF8.self)
            let result = Result(
                status: r.process.terminationStatus, stdout: out, stderr: err, timedOut: r.killed,
                signaled: r.process.terminationReason == .uncaughtSignal)
            results[r.index] = result
            finished(r.index, result)
        }
        while next < tasks.count || !running.isEmpty {
            while running.count < max(1, jobs), next < tasks.count {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: executable)
                p.arguments = tasks[next].arguments
                // A worker that dies says why in one line; the supervisor reports it, so the
                // runtime's multi-page backtrace would only bury the message.
                var env = ProcessInfo.processInfo.environment
                env["SWIFT_BACKTRACE"] = "enable=no"
                p.environment = env
                let input = "\(tmp)/\(next).in", out = "\(tmp)/\(next).out", err = "\(tmp)/\(next).err"
                do {
                    try Data(tasks[next].input).write(to: URL(fileURLWithPath: input))
                    try Data().write(to: URL(fileURLWithPath: out))
                    try Data().write(to: URL(fileURLWithPath: err))
                    p.standardInput = FileHandle(forReadingAtPath: input)
                    p.standardOutput = FileHandle(forWritingAtPath: out)
                    p.standardError = FileHandle(forWritingAtPath: err)
                    try p.run()
                    running.append(Running(index: next, process: p, out: out, err: err, lastProgress: Date()))
                } catch {
                    let result = Result(status: 127, stdout: "", stderr: "cannot start a worker: \(error)\n", timedOut: false)
                    results[next] = result
                    finished(next, result)
                }
                next += 1
            }
            Thread.sleep(forTimeInterval: 0.005)
            var still: [Running] = []
            for var r in running {
                if r.process.isRunning {
                    // A journey finished (its result line grew the output): its deadline restarts.
                    var st = stat()
                    if stat(r.out, &st) == 0, Int(st.st_size) != r.outSize {
                        r.outSize = Int(st.st_size)
                        r.lastProgress = Date()
                    }
                    if !r.killed, Date().timeIntervalSince(r.lastProgress) > tasks[r.index].deadline {
                        kill(r.process.processIdentifier, SIGKILL)
                        r.killed = true
                    }
                    still.append(r)
                } else {
                    finish(r)
                }
            }
            running = still
        }
        return results.map { $0! }
    }
}
