import ArgumentParser
import Foundation
import Foyer

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run many dwellings from JSON Lines (foyer batch jobs.jsonl), or expand a parameter sweep into job lines (foyer batch expand).",
        subcommands: [BatchRunCommand.self, BatchExpandCommand.self],
        defaultSubcommand: BatchRunCommand.self
    )
}

struct BatchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run many dwellings from JSON Lines, on every core, resumable: one result line per input line.",
        discussion: """
        Each input line is a job, a JSON object:
          {"id": "h-001", "dwelling": {"base": "fr/sfh-1949-1974", "thermostat": {"heating_setpoint_c": 20}},
           "weather": "H1c", "model": "5r1c", "use": "conventional", "compute": ["simulation", "energy", "label"]}
        "dwelling" is a dwelling object (a whole file, or "base" and its overrides) or an archetype id; \
        "dwelling_file" a path instead. Optional: "weather" (an embedded climate or an EPW path; default the \
        dwelling's), "model" (iso52016 default, or 5r1c), "use" (auto, conventional, household), "compute" \
        (default ["simulation"]), "diagnosed_on" (for the label, default 2026-01-01).
        Each output line: {"id", "line", "status": "ok", "results": {…}} or {"id", "line", "status": "error", \
        "errors": [{"path", "value", "message", "expected"}]}. A bad line never stops the batch.
        Output order is the input order, the same bytes whatever --jobs. Records are written a block at a \
        time and synced to disk (fsync) before the next block: after a crash or kill -9, run the same \
        command with --resume; it cuts a partial last line and goes on after the last whole record, so \
        every input line ends up exactly once. --shard i/n keeps the lines i, i+n, i+2n … (1-based line \
        numbers counted from 0 modulo n) to split a file between machines.
        Examples:
          foyer batch jobs.jsonl -o results.jsonl
          foyer batch jobs.jsonl -o results.jsonl --resume
          cat jobs.jsonl | foyer batch - --jobs 2 > results.jsonl
          foyer batch jobs.jsonl -o results.csv --csv     (for pandas: one row per line, units in the column names)
          foyer batch jobs.jsonl -o part-0.jsonl --shard 0/4
          foyer batch expand sweep.json -o jobs.jsonl   (a parameter grid into job lines; see `foyer batch expand --help`)
        ("foyer batch run …" is the same as "foyer batch …".)
        """
    )

    @Argument(help: ArgumentHelp("The jobs, JSON Lines; - for standard input.", valueName: "jobs.jsonl"))
    var input: String
    @Option(name: [.short, .long], help: ArgumentHelp("Write the results here (default: standard output). Required for --resume.", valueName: "results.jsonl"))
    var output: String?
    @Option(help: "Jobs computed at once (default: the machine's cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Go on from an interrupted run's output instead of refusing to overwrite it.")
    var resume = false
    @Option(help: ArgumentHelp("Keep only the lines of shard i of n (e.g. 0/4).", valueName: "i/n"))
    var shard: String?
    @Option(name: .customLong("tariffs-dir"), help: ArgumentHelp("A folder of extra tariff files.", valueName: "folder"))
    var tariffDirectories: [String] = []
    @Flag(help: "No progress or summary on standard error.")
    var quiet = false
    @Flag(help: "Write each record as soon as it is computed, in whatever order the jobs finish (each record keeps its input line number; --resume works the same).")
    var unordered = false

    @Flag(help: "Write CSV (a header, then one row per line, the same columns for every job: Docs/Batch.md) instead of JSON Lines.")
    var csv = false

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1…256, not \(jobs)") }
        if resume, output == nil { throw ValidationError("--resume needs --output: the file to go on from") }
        if let shard, parseShard(shard) == nil { throw ValidationError("--shard must be i/n with 0 ≤ i < n ≤ 100000, e.g. 0/4, not \(shard)") }
    }

    func parseShard(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 100_000, index >= 0, index < count else { return nil }
        return (index, count)
    }

    func run() throws {
        ProcessMemory.keepFreedBlocks()
        let inputHandle: FileHandle
        let sourceName: String
        if input == "-" {
            inputHandle = FileHandle.standardInput
            sourceName = "stdin"
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let handle = FileHandle(forReadingAtPath: input) else {
                printError("\(input): error: no such file (or a directory): the jobs, one JSON object a line")
                throw ExitCode.inputErrors
            }
            inputHandle = handle
            sourceName = (input as NSString).lastPathComponent
        }
        let outputHandle: FileHandle
        var skip = 0
        var lastLine: Int?
        var lastID: String?
        var done: [Int: String] = [:]
        if let output {
            let exists = FileManager.default.fileExists(atPath: output)
            if exists, !resume {
                printError("\(output): error: exists; give --resume to go on from it, or remove it (a batch never overwrites results)")
                throw ExitCode.inputErrors
            }
            if !exists, !FileManager.default.createFile(atPath: output, contents: nil) {
                printError("\(output): error: cannot create the output file")
                throw ExitCode.failure
            }
            guard let handle = FileHandle(forUpdatingAtPath: output) else {
                printError("\(output): error: cannot open the output file for writing")
                throw ExitCode.failure
            }
            outputHandle = handle
            if resume {
                do {
                    if unordered {
                        done = try BatchStream.prepareUnorderedResume(handle, format: csv ? .csv : .jsonLines)
                    } else {
                        let state = try BatchStream.prepareResume(handle, format: csv ? .csv : .jsonLines)
                        skip = state.records
                        lastLine = state.lastLine
                        lastID = state.lastID
                    }
                } catch {
                    for issue in error.issues { printError("\(output): \(issue.description)") }
                    throw ExitCode.failure
                }
            }
        } else {
            outputHandle = FileHandle.standardOutput
        }
        let library: TariffLibrary
        do {
            library = try EnergyPipeline.tariffs(extraDirectories: tariffDirectories)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        let runner = BatchRunner(library: library, source: sourceName)
        let options = BatchStream.Options(jobs: jobs, shard: shard.flatMap(parseShard) ?? (0, 1), format: csv ? .csv : .jsonLines, ordered: !unordered)
        let start = Date()
        let terminal = isatty(STDERR_FILENO) == 1 && !quiet
        // For the ETA on a terminal: the lines of this shard still to compute (a file only).
        var total: Int?
        if terminal, input != "-", let counting = FileHandle(forReadingAtPath: input) {
            var lines = 0
            while case let chunk = counting.readData(ofLength: 1 << 20), !chunk.isEmpty { lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            try? counting.close()
            let (index, count) = shard.flatMap(parseShard) ?? (0, 1)
            total = max(0, (lines - index + count - 1) / count - skip - done.count)
        }
        let summary: BatchSummary
        do {
            let report: (BatchSummary) -> Void = { progress in
                guard terminal else { return }
                let seconds = max(Date().timeIntervalSince(start), 1e-3)
                let rate = Double(progress.lines) / seconds
                var text = String(format: "\r%d lines, %d errors, %.0f lines/s", progress.lines, progress.errors, rate)
                if let total, total > 0, rate > 0 {
                    let left = Int((Double(max(0, total - progress.lines)) / rate).rounded())
                    text += String(format: " — %d of %d, about %d min %02d s left", progress.lines, total, left / 60, left % 60)
                }
                FileHandle.standardError.write(Data((text + "   ").utf8))
            }
            summary = unordered
                ? try BatchStream.runUnordered(input: inputHandle, output: outputHandle, runner: runner, options: options, done: done, progress: report)
                : try BatchStream.run(input: inputHandle, output: outputHandle, runner: runner, options: options, skip: skip, lastLine: lastLine, lastID: lastID, progress: report)
        } catch {
            for issue in error.issues { printError("\(output ?? "stdout"): \(issue.description)") }
            throw ExitCode.failure
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        if !quiet {
            let seconds = max(Date().timeIntervalSince(start), 1e-3)
            var text = "foyer batch: \(summary.lines) lines computed (ok \(summary.ok), errors \(summary.errors)) in \(String(format: "%.1f", seconds)) s, \(String(format: "%.0f", Double(summary.lines) / seconds)) lines/s"
            if summary.resumed > 0 { text += "; \(summary.resumed) already in the output (resumed)" }
            if summary.otherShards > 0 { text += "; \(summary.otherShards) lines of other shards skipped" }
            printError(text)
        }
    }
}

struct BatchExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Expand a parameter sweep (a base job × values of its fields) into job lines for foyer batch.",
        discussion: """
        A sweep file:
          {"id_prefix": "attic",
           "job": {"dwelling": {"base": "fr/sfh-1949-1974"}, "model": "5r1c", "compute": ["simulation", "energy"]},
           "parameters": [
             {"path": "dwelling.thermostat.heating_setpoint_c", "values": [18, 19, 20]},
             {"path": "dwelling.envelope.roofs", "values": [[{"id": "roof", "u_value_w_per_m2k": 0.4}], [{"id": "roof", "u_value_w_per_m2k": 0.15}]]},
             {"path": "weather", "values": ["H1a", "H2b", "H3"]}]}
        gives 3 × 2 × 3 = 18 job lines, ids attic-00 … attic-17, the last parameter varying fastest. Each \
        path is a chain of object keys; values replace what is there (an array of elements with ids is \
        merged element by element into the archetype's, as in a dwelling file). Each job carries "tags" \
        (path → value), copied into its result, to group the results by parameter.
        Examples:
          foyer batch expand sweep.json -o jobs.jsonl && foyer batch jobs.jsonl -o results.jsonl
          foyer batch expand sweep.json | foyer batch - > results.jsonl
        """
    )

    @Argument(help: ArgumentHelp("The sweep, a JSON file.", valueName: "sweep.json"))
    var sweep: String
    @Option(name: [.short, .long], help: ArgumentHelp("Write the job lines here (default: standard output).", valueName: "jobs.jsonl"))
    var output: String?

    func run() throws {
        let data: Data
        do {
            data = try InputFile.read(sweep, kind: .dwelling, displayName: sweep)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        var buffer = Data()
        let handle: FileHandle
        if let output {
            if FileManager.default.fileExists(atPath: output) {
                printError("\(output): error: exists; remove it first (expand never overwrites a file)")
                throw ExitCode.inputErrors
            }
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                printError("\(output): error: cannot create the file")
                throw ExitCode.failure
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        let count: Int
        do {
            count = try BatchSweep.expand(data, file: sweep) { line in
                buffer.append(line)
                if buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
        } catch let error as InputError {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode.inputErrors
        }
        printError("foyer batch expand: \(count) job lines\(output.map { " written to \($0)" } ?? "")")
    }
}
