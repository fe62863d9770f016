import Foundation

/// Runs copies of our own binary as worker processes, at most `jobs` at a time, each with a
/// deadline. Graphviz is not thread-safe and leaks a little per graph, and libgvc can abort
/// the process that hosts it, so parallelism, recycling and deadlines all come from
/// processes: a worker renders a bounded chunk of journeys and exits; one that runs past its
/// deadline is killed, and only its own journeys fail.
public enum WorkerPool {
    public struct Task: Sendable {
        public var arguments: [String]
        /// Seconds before the worker is killed.
        public var deadline: Double
        public init(arguments: [String], deadline: Double) {
            self.arguments = arguments
            self.deadline = deadline
        }
    }

    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var timedOut: Bool
        /// The worker died of a signal (an abort inside libgvc, the memory limit, a kill).
        public var signaled: Bool = false
    }

    /// Why a worker died of a signal, in words: an allocation that failed (what the worker
    /// printed says so) is blamed on the memory limit; anything else on Graphviz.
    public static func cause(of result: Result, memoryLimit: Int) -> String {
        let said = result.stderr.lowercased()
        if ["out of memory", "failed to allocate", "cannot allocate", "resource temporarily unavailable"].contains(where: said.contains) {
            return "out of memory: an allocation failed under the --max-memory limit of \(memoryLimit) MiB; raise it, lower --dpi or split the journey"
        }
        return "Graphviz crashed"
    }

    /// The running executable (workers are copies of it).
    public static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs every task; results come back in task order, whatever order workers finish in.
    public static func run(_ tasks: [Task], jobs: Int, executable: String = executablePath) -> [Result] {
        struct Running {
            var index: Int
            var process: Process
            var out: String
            var err: String
            var started: Date
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
            results[r.index] = Result(status: r.process.terminationStatus, stdout: out, stderr: err, timedOut: r.killed,
                                      signaled: r.process.terminationReason == .uncaughtSignal)
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
                let out = "\(tmp)/\(next).out", err = "\(tmp)/\(next).err"
                FileManager.default.createFile(atPath: out, contents: nil)
                FileManager.default.createFile(atPath: err, contents: nil)
                p.standardOutput = FileHandle(forWritingAtPath: out)
                p.standardError = FileHandle(forWritingAtPath: err)
                p.standardInput = FileHandle.nullDevice
                do {
                    try p.run()
                    running.append(Running(index: next, process: p, out: out, err: err, started: Date()))
                } catch {
                    results[next] = Result(status: 127, stdout: "", stderr: "cannot start a worker: \(error)\n", timedOut: false)
                }
                next += 1
            }
            Thread.sleep(forTimeInterval: 0.005)
            var still: [Running] = []
            for var r in running {
                if r.process.isRunning {
                    if !r.killed, Date().timeIntervalSince(r.started) > tasks[r.index].deadline {
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
