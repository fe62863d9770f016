import Foundation

/// Tools that some tests use and a user may not have (scripts/test-setup.sh installs them
/// when it can). Tests that need one are `.enabled(if: OptionalTools.x != nil, "reason")`,
/// so a missing tool is reported as a skip, never as a failure.
public enum OptionalTools {
    /// Headless Chromium from Debian's packages.
    public static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The first of the repository's Pythons (`.venv-test`, then `.venv-peers`) that can
    /// import `module`, or nil.
    public static func python(importing module: String) -> String? {
        for p in [Repo.path(".venv-test/bin/python"), Repo.path(".venv-peers/bin/python")]
        where FileManager.default.isExecutableFile(atPath: p) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: p)
            probe.arguments = ["-c", "import \(module)"]
            probe.standardError = FileHandle.nullDevice
            if (try? probe.run()) != nil {
                probe.waitUntilExit()
                if probe.terminationStatus == 0 { return p }
            }
        }
        return nil
    }

    /// `pdftoppm` (Debian's poppler-utils): rasterises PDF pages independently of cairo.
    public static var pdftoppm: String? {
        ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A Python that can `import duckdb` (the repository's `.venv-test`).
    public static let duckdbPython: String? = python(importing: "duckdb")

    /// A Python that can `import numpy`: the independent implementation of the statistics tests.
    public static let numpyPython: String? = python(importing: "numpy")

    /// A Python that can `import pyspark` (PyPI, in `.venv-test`), on a machine with a Java
    /// runtime for Spark's JVM (`JAVA_HOME`, or Debian's `default-jre-headless` on the PATH).
    public static let sparkPython: String? = {
        let home = ProcessInfo.processInfo.environment["JAVA_HOME"].map { [$0 + "/bin/java"] } ?? []
        guard (home + ["/usr/bin/java", "/usr/local/bin/java"]).contains(where: FileManager.default.isExecutableFile) else { return nil }
        return python(importing: "pyspark")
    }()

    /// A Python that can import the TextMate engine (textmate-grammar-python).
    public static let textMatePython: String? = python(importing: "textmate_grammar")

    /// PostgreSQL's server binaries (Debian's `postgresql` package).
    public static var hasPostgres: Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.isEmpty == false
    }

    /// `python3` on the PATH's usual places (an independent CSV count).
    public static var python3: String? {
        ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
