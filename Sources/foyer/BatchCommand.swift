import ArgumentParser
import Foundation
import Foyer

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
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
          foyer batch jobs.jsonl -o part-0.jsonl --shard 0/4
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
                    let state = try BatchStream.prepareResume(handle)
                    skip = state.records
                    lastLine = state.lastLine
                    lastID = state.lastID
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
        let options = BatchStream.Options(jobs: jobs, shard: shard.flatMap(parseShard) ?? (0, 1))
        let start = Date()
        let terminal = isatty(STDERR_FILENO) == 1 && !quiet
        let summary: BatchSummary
        do {
            summary = try BatchStream.run(input: inputHandle, output: outputHandle, runner: runner, options: options, skip: skip, lastLine: lastLine, lastID: lastID) { progress in
                guard terminal else { return }
                let seconds = max(Date().timeIntervalSince(start), 1e-3)
                FileHandle.standardError.write(Data(String(format: "\r%d lines, %d errors, %.0f lines/s   ", progress.lines, progress.errors, Double(progress.lines) / seconds).utf8))
            }
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
