import Foundation
import FoyerCore
import FoyerModel

/// Reads JSON Lines in bounded memory: one line at a time, a line longer than
/// ``maximumLineBytes`` is skipped to its end and reported, never held whole.
public struct LineReader {
    public static let maximumLineBytes = 4 << 20
    let handle: FileHandle
    var buffer = Data()
    var atEnd = false
    public private(set) var lineNumber = 0

    public init(_ handle: FileHandle) { self.handle = handle }

    public enum Line: Sendable {
        case text(Data)
        case tooLong(Int)
    }

    /// The next line (without its newline), or nil at the end of the input.
    public mutating func next() -> (number: Int, line: Line)? {
        var skipping = false
        var skipped = 0
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                lineNumber += 1
                if skipping || line.count > Self.maximumLineBytes { return (lineNumber, .tooLong(skipped + line.count)) }
                var text = Data(line)
                if text.last == 0x0D { text.removeLast() }
                return (lineNumber, .text(text))
            }
            if buffer.count > Self.maximumLineBytes {
                skipping = true
                skipped += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
            if atEnd {
                guard !buffer.isEmpty || skipping else { return nil }
                lineNumber += 1
                let rest = buffer
                buffer.removeAll()
                return skipping ? (lineNumber, .tooLong(skipped + rest.count)) : (lineNumber, .text(rest))
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }
}

/// How a batch run went.
public struct BatchSummary: Sendable, Equatable {
    public var lines = 0
    public var ok = 0
    public var errors = 0
    /// Lines already in the output when the run resumed (not recomputed).
    public var resumed = 0
    /// Lines of other shards, skipped.
    public var otherShards = 0
}

/// Runs a whole input through a ``BatchRunner``: blocks of lines computed on every core, each
/// block's records written in input order with one `write` and made durable (`fsync`) before the
/// next block starts. The output is therefore byte-identical whatever the number of jobs, and a
/// run killed at any moment leaves whole lines followed at most by one partial line, which
/// `resume` cuts before going on.
public enum BatchStream {
    /// The output's form: JSON Lines (every result) or CSV (``BatchCSV``'s columns, a header first).
    public enum Format: Sendable {
        case jsonLines
        case csv
    }

    public struct Options: Sendable {
        public var jobs: Int
        public var shard: (index: Int, count: Int)
        public var blockSize: Int
        public var format: Format
        /// `false` (`--unordered`): each record is written as soon as it is computed, in whatever
        /// order the workers finish; no core waits for the slowest job of a block.
        public var ordered: Bool
        public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: (index: Int, count: Int) = (0, 1), blockSize: Int = 64,
                    format: Format = .jsonLines, ordered: Bool = true) {
            self.jobs = max(1, jobs)
            self.shard = shard
            self.blockSize = max(1, blockSize)
            self.format = format
            self.ordered = ordered
        }
    }

    /// The whole output of an interrupted run, read from its start.
    static func readOutput(_ output: FileHandle) throws(InputError) -> Data {
        do {
            try output.seek(toOffset: 0)
            return try output.readToEnd() ?? Data()
        } catch {
            throw InputError(InputIssue(.error, path: "", message: "cannot read the output to resume: \(error.localizedDescription)"))
        }
    }

    /// For `--resume`: the number of whole records already in `output`, after cutting a partial
    /// last line (from a run killed mid-write), and the input line number of the last one.
    public static func prepareResume(_ output: FileHandle, format: Format = .jsonLines) throws(InputError) -> (records: Int, lastLine: Int?, lastID: String?) {
        let data = try readOutput(output)
        let end = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        do {
            try output.truncate(atOffset: UInt64(end))
            try output.seek(toOffset: UInt64(end))
        } catch {
            throw InputError(InputIssue(.error, path: "", message: "cannot cut the partial last line: \(error.localizedDescription)"))
        }
        let whole = data[..<end]
        var count = whole.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        var lastLine: Int?
        var lastID: String?
        if format == .csv {
            // The header is not a record; an output cut inside the header is started again.
            guard count > 0, whole.starts(with: BatchCSV.header) else {
                do {
                    try output.truncate(atOffset: 0)
                    try output.seek(toOffset: 0)
                } catch {
                    throw InputError(InputIssue(.error, path: "", message: "cannot cut the partial header: \(error.localizedDescription)"))
                }
                return (0, nil, nil)
            }
            count -= 1
            if count == 0 {
                // Only the header: cut it, the run writes it again.
                do {
                    try output.truncate(atOffset: 0)
                    try output.seek(toOffset: 0)
                } catch {
                    throw InputError(InputIssue(.error, path: "", message: "cannot cut the header: \(error.localizedDescription)"))
                }
            } else {
                let body = whole.dropLast()
                let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
                if let last = BatchCSV.idAndLine(Data(body[start...])) {
                    lastID = last.id
                    lastLine = last.line
                }
            }
            return (count, lastLine, lastID)
        }
        if count > 0 {
            let body = whole.dropLast()
            let start = body.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            if case let .object(members)? = try? JSONValue.parse(Data(body[start...]), file: nil) {
                if case let .number(line)? = members["line"], line.isFinite, abs(line) < 1e15 { lastLine = Int(line) }
                if case let .string(id)? = members["id"] { lastID = id }
            }
        }
        return (count, lastLine, lastID)
    }

    /// Reads every line of `input`, skips the first `skip` lines of this shard (already in the
    /// output), and writes one record per line to `output`. `progress` is called after each block.
    /// `lastLine`: the input line of the output's last record (from ``prepareResume(_:)``), checked
    /// against this input so that a resume never mixes two inputs.
    public static func run(input: FileHandle, output: FileHandle, runner: BatchRunner, options: Options, skip: Int = 0, lastLine: Int? = nil, lastID: String? = nil,
                           progress: ((BatchSummary) -> Void)? = nil) throws(InputError) -> BatchSummary {
        var reader = LineReader(input)
        var summary = BatchSummary()
        var mine = 0
        var block: [(number: Int, line: LineReader.Line)] = []
        // A CSV output gets its header once, unless the run resumes after records.
        var wroteHeader = options.format != .csv || skip > 0
        func flush() throws(InputError) {
            guard !block.isEmpty || !wroteHeader else { return }
            let records = compute(block, runner: runner, jobs: options.jobs, format: options.format)
            var data = Data()
            if options.format == .csv, !wroteHeader {
                data.append(BatchCSV.header)
                wroteHeader = true
            }
            for record in records {
                data.append(record.bytes)
                if record.ok { summary.ok += 1 } else { summary.errors += 1 }
            }
            do {
                try output.write(contentsOf: data)
                try output.synchronize()
            } catch {
                throw InputError(InputIssue(.error, path: "", message: "cannot write the output: \(error.localizedDescription)"))
            }
            summary.lines += block.count
            block.removeAll(keepingCapacity: true)
            progress?(summary)
        }
        while let (number, line) = reader.next() {
            if case let .text(text) = line, text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if (number - 1) % options.shard.count != options.shard.index {
                summary.otherShards += 1
                continue
            }
            mine += 1
            if mine <= skip {
                summary.resumed += 1
                var sameID = true
                if mine == skip, let lastID {
                    switch line {
                    case let .text(text): sameID = BatchJob.bestEffortID(text, number: number) == lastID
                    case .tooLong: sameID = lastID == "line-\(number)"
                    }
                }
                if mine == skip, (lastLine.map { $0 != number } ?? false) || !sameID {
                    throw InputError(InputIssue(.error, path: "", value: "line \(lastLine.map(String.init) ?? "?"), id \(lastID ?? "?")",
                                                message: "the output's last record is not this input's line \(number): it comes from another input, shard or order",
                                                expected: "the same input and --shard as the interrupted run"))
                }
                continue
            }
            block.append((number, line))
            if block.count >= options.blockSize { try flush() }
        }
        try flush()
        if mine < skip {
            throw InputError(InputIssue(.error, path: "", value: "\(skip) records",
                                        message: "the output holds more records than this input has lines (\(mine)): it comes from another input",
                                        expected: "the same input and --shard as the interrupted run"))
        }
        return summary
    }

    /// The records of a block, in its order, each encoded in `format` by the worker that
    /// computed it; a worker takes the block's next line as soon as it is free.
    static func compute(_ block: [(number: Int, line: LineReader.Line)], runner: BatchRunner, jobs: Int,
                        format: Format) -> [(ok: Bool, bytes: Data)] {
        let slots = ResultSlots<(ok: Bool, bytes: Data)>(count: block.count)
        let workers = max(1, min(jobs, block.count))
        let next = SharedCounter()
        @Sendable func encoded(_ record: BatchRecord) -> (ok: Bool, bytes: Data) {
            (record.status == "ok", format == .csv ? BatchCSV.row(record) : BatchRunner.encode(record))
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while case let index = next.next(), index < block.count {
                let (number, line) = block[index]
                slots.set(index, encoded(record(line, number: number, runner: runner)))
            }
        }
        return (0..<block.count).map { index in
            slots.get(index) ?? encoded(BatchRecord(id: "line-\(block[index].number)", line: block[index].number, status: "error",
                                                    errors: [InputIssue(.error, path: "", message: "not computed")]))
        }
    }

    /// The record of one input line.
    static func record(_ line: LineReader.Line, number: Int, runner: BatchRunner) -> BatchRecord {
        switch line {
        case let .text(text):
            return runner.run(line: text, number: number)
        case let .tooLong(bytes):
            return BatchRecord(id: "line-\(number)", line: number, status: "error", errors: [InputIssue(
                .error, file: "\(runner.source):\(number)", path: "", value: "\(bytes) bytes",
                message: "line too long", expected: "at most \(LineReader.maximumLineBytes >> 20) MB a line")])
        }
    }

    // MARK: Unordered runs

    /// For `--resume --unordered`: cuts a partial last line and returns the input line number and
    /// id of every whole record already in `output` (they may be in any order).
    public static func prepareUnorderedResume(_ output: FileHandle, format: Format = .jsonLines) throws(InputError) -> [Int: String] {
        let data = try readOutput(output)
        var end = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        if format == .csv, !data[..<end].starts(with: BatchCSV.header) { end = 0 }  // cut inside the header: start again
        do {
            try output.truncate(atOffset: UInt64(end))
            try output.seek(toOffset: UInt64(end))
        } catch {
            throw InputError(InputIssue(.error, path: "", message: "cannot cut the partial last line: \(error.localizedDescription)"))
        }
        var done: [Int: String] = [:]
        var start = data.startIndex
        var recordNumber = 0
        while start < end, let newline = data[start..<end].firstIndex(of: 0x0A) {
            let line = data[start..<newline]
            start = newline + 1
            recordNumber += 1
            if format == .csv, recordNumber == 1 { continue }  // the header
            var parsed: (id: String, line: Int)?
            if format == .csv {
                parsed = BatchCSV.idAndLine(Data(line))
            } else if case let .object(members)? = try? JSONValue.parse(Data(line), file: nil),
                      case let .number(number)? = members["line"], number.isFinite, abs(number) < 1e15, case let .string(id)? = members["id"] {
                parsed = (id, Int(number))
            }
            guard let parsed else {
                throw InputError(InputIssue(.error, path: "", value: "record \(recordNumber)",
                                            message: "the output holds a line that is not a batch record: it was not written by foyer batch",
                                            expected: "the output of an interrupted foyer batch --unordered run"))
            }
            guard done.updateValue(parsed.id, forKey: parsed.line) == nil else {
                throw InputError(InputIssue(.error, path: "", value: "line \(parsed.line)",
                                            message: "the output holds two records of the same input line", expected: "each input line once"))
            }
        }
        if format == .csv, done.isEmpty, end > 0 {
            // Only the header: cut it, the run writes it again.
            do {
                try output.truncate(atOffset: 0)
                try output.seek(toOffset: 0)
            } catch {
                throw InputError(InputIssue(.error, path: "", message: "cannot cut the header: \(error.localizedDescription)"))
            }
        }
        return done
    }

    /// Like ``run(input:output:runner:options:skip:lastLine:lastID:progress:)`` but the workers
    /// take the next line as soon as they are free and each record is queued for writing as
    /// soon as it is computed; every `blockSize` records (and at the end) the queue is written
    /// with one `write` and made durable (`fsync`). `done`: the lines already in the output
    /// (from ``prepareUnorderedResume(_:format:)``), skipped after checking their ids.
    public static func runUnordered(input: FileHandle, output: FileHandle, runner: BatchRunner, options: Options, done: [Int: String] = [:],
                                    progress: ((BatchSummary) -> Void)? = nil) throws(InputError) -> BatchSummary {
        let state = UnorderedRun(reader: LineReader(input), output: output, options: options, done: done, progress: progress)
        if options.format == .csv, done.isEmpty { state.pending.append(BatchCSV.header) }
        DispatchQueue.concurrentPerform(iterations: options.jobs) { _ in
            while let (number, line) = state.next() {
                state.emit(record(line, number: number, runner: runner))
            }
        }
        state.flush(final: true)
        if let failure = state.failure { throw failure }
        if state.seenDone < done.count {
            throw InputError(InputIssue(.error, path: "", value: "\(done.count) records",
                                        message: "the output holds records of lines this input does not have (\(done.count - state.seenDone)): it comes from another input",
                                        expected: "the same input and --shard as the interrupted run"))
        }
        return state.summary
    }
}

/// The shared state of an unordered run: the reader and the output queue, each under one lock.
final class UnorderedRun: @unchecked Sendable {
    private let lock = NSLock()
    private var reader: LineReader
    private let output: FileHandle
    private let options: BatchStream.Options
    private let done: [Int: String]
    private let progress: ((BatchSummary) -> Void)?
    var pending = Data()
    private var pendingRecords = 0
    private(set) var summary = BatchSummary()
    private(set) var failure: InputError?
    private(set) var seenDone = 0

    init(reader: LineReader, output: FileHandle, options: BatchStream.Options, done: [Int: String], progress: ((BatchSummary) -> Void)?) {
        self.reader = reader
        self.output = output
        self.options = options
        self.done = done
        self.progress = progress
    }

    /// The next line of this shard still to compute, or nil at the end (or after a failure).
    func next() -> (Int, LineReader.Line)? {
        lock.lock()
        defer { lock.unlock() }
        while failure == nil, let (number, line) = reader.next() {
            if case let .text(text) = line, text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if (number - 1) % options.shard.count != options.shard.index {
                summary.otherShards += 1
                continue
            }
            if let id = done[number] {
                let expected: String
                switch line {
                case let .text(text): expected = BatchJob.bestEffortID(text, number: number)
                case .tooLong: expected = "line-\(number)"
                }
                guard id == expected else {
                    failure = InputError(InputIssue(.error, path: "", value: "line \(number), id \(id)",
                                                    message: "the output's record of line \(number) is not this input's (id \(expected)): it comes from another input or shard",
                                                    expected: "the same input and --shard as the interrupted run"))
                    return nil
                }
                seenDone += 1
                summary.resumed += 1
                continue
            }
            return (number, line)
        }
        return nil
    }

    /// Queues a record; writes the queue once it holds a block.
    func emit(_ record: BatchRecord) {
        let data = options.format == .csv ? BatchCSV.row(record) : BatchRunner.encode(record)
        lock.lock()
        defer { lock.unlock() }
        pending.append(data)
        pendingRecords += 1
        summary.lines += 1
        if record.status == "ok" { summary.ok += 1 } else { summary.errors += 1 }
        if pendingRecords >= options.blockSize { writePending() }
    }

    func flush(final: Bool) {
        lock.lock()
        defer { lock.unlock() }
        writePending()
    }

    /// Writes and syncs the queue (called under the lock).
    private func writePending() {
        guard !pending.isEmpty, failure == nil else { return }
        do {
            try output.write(contentsOf: pending)
            try output.synchronize()
        } catch {
            failure = InputError(InputIssue(.error, path: "", message: "cannot write the output: \(error.localizedDescription)"))
        }
        pending.removeAll(keepingCapacity: true)
        pendingRecords = 0
        progress?(summary)
    }
}
