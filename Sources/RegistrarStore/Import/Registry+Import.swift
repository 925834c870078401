import Foundation
import GRDB
import RegistrarModel
import RegistrarInput

extension Registry {
    /// Imports a file of `kind` in one transaction: it completes, or the registry is as it was.
    ///
    /// UTF-8 is checked while the rows are read, not in a pass of its own before: a file that turns out
    /// not to be UTF-8 part-way is refused (`--encoding utf-8`) or, detected automatically, read again
    /// from the start as GB18030, the first attempt's transaction having been rolled back.
    public func importFile(
        _ kind: FileKind, path: String, options: ImportOptions,
        progress: ((ImportProgress) -> Void)? = nil
    ) throws -> ImportSummary {
        // The name is what messages, the batch record and the audit log show: a file named after
        // an identity number shows it masked.
        let name = Sanitized.message((path as NSString).lastPathComponent)
        // The file's digest does not depend on how it is read: hashed once, however many attempts.
        let digest = BackgroundDigest(path: path, displayName: name)
        func attempt(_ reading: Reading) throws -> ImportSummary {
            do {
                return try importFile(kind, path: path, name: name, reading: reading, exactOrder: false,
                                      digest: digest, options: options, progress: progress)
            } catch is MetOutOfMemberNumberOrder {
                // Two rows for one member, and the rows did not come exactly in member-number order:
                // the transaction is rolled back and the file read again in that order exactly, so
                // which row is kept does not depend on the order of the file.
                progress?(ImportProgress(rows: 0, bytesRead: 0, totalBytes: 0, phase: .readingAgainInOrder))
                return try importFile(kind, path: path, name: name, reading: reading, exactOrder: true,
                                      digest: digest, options: options, progress: progress)
            }
        }
        switch options.encoding {
        case .gb18030:
            return try attempt(.gb18030(firstInvalidUTF8: nil))
        case .utf8, .auto:
            // A roster from Excel on Chinese Windows is GB18030, which its header line usually shows at once.
            if options.encoding == .auto,
               let bad = try FileSurvey.of(path: path, displayName: name, limit: RawFile.chunkSize).firstInvalidUTF8 {
                return try attempt(.gb18030(firstInvalidUTF8: bad))
            }
            do {
                return try attempt(.utf8)
            } catch let notUTF8 as NotUTF8 {
                // The survey stops at the byte the reading stopped at and names its line; were the file
                // changed since it was read, the byte the reading found is still the one to name.
                let bad = try FileSurvey.of(path: path, displayName: name).firstInvalidUTF8 ?? (notUTF8.offset, 1)
                guard options.encoding == .auto else {
                    RejectsWriter.removeStale(at: options.rejectsPath ?? RejectsWriter.defaultPath(for: path))
                    throw FileSurvey.notUTF8(offset: bad.offset, line: bad.line, file: name)
                }
                return try attempt(.gb18030(firstInvalidUTF8: bad))
            }
        }
    }

    /// How an import attempt reads its file.
    private enum Reading {
        /// As UTF-8, checked as it is read (`NotUTF8` at the first byte that is not).
        case utf8
        /// As GB18030; `firstInvalidUTF8` is where UTF-8 failed when GB18030 was detected, not chosen.
        case gb18030(firstInvalidUTF8: (offset: Int, line: Int)?)
    }

    private func importFile(
        _ kind: FileKind, path: String, name: String, reading: Reading, exactOrder: Bool, digest: BackgroundDigest,
        options: ImportOptions, progress: ((ImportProgress) -> Void)?
    ) throws -> ImportSummary {
        let encoding: TextEncoding
        let reader: CSVReader
        switch reading {
        case .utf8:
            encoding = .utf8
            reader = try CSVReader(validatingUTF8Of: path, displayName: name)
        case .gb18030(let firstInvalidUTF8):
            encoding = .gb18030
            reader = try CSVReader(path: path, displayName: name, encoding: .gb18030, firstInvalidUTF8: firstInvalidUTF8)
        }
        // Every attempt must read the state of the file that was hashed (`digest.value(of:)`): a file
        // replaced before a second attempt is refused, not imported under the first one's digest.
        let version = reader.sourceVersion
        let size = reader.fileSize
        let extra = try options.mapPath.map { try HeaderMapping.readMapFile(path: $0, kind: kind) } ?? [:]
        let rejects = options.rejectsPath ?? RejectsWriter.defaultPath(for: path)
        let rejectsFile = try OutputFile(path: rejects, protecting: .init(registry: self.path, inputs: [path] + (options.mapPath.map { [$0] } ?? [])))
        var summary = ImportSummary(dryRun: options.dryRun, encoding: encoding.rawValue)
        var writer: RejectsWriter?
        var firstRejection: (line: Int, message: String)?
        // The rejects file is put in place when the import has run to its end (committed, a dry run,
        // or refused by --strict), and never half-written; any other failure leaves what was there.
        var finished = false
        defer { if !finished { writer?.discard() } }

        do {
            try self.writer.writeWithoutTransaction { db in
                // 8 MiB of page cache: with the reading thread's batches and the rows' order (8 MB for a
                // million rows), a million-row import stays inside the 64 MiB it is allowed; 12 MiB
                // peaked at 66 MiB, and more cache measured no faster.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                // Not for a dry run: the switch and back rewrite the file's header, and a dry run leaves
                // the file as it was, byte for byte.
                let journalSwitched = try kind == .members && options.firstLoadMayHoldReaders && !options.dryRun
                    && FirstLoadJournal.begin(db)
                defer { if journalSwitched { FirstLoadJournal.end(db) } }
                try db.inTransaction(.immediate) {
                    let started = Timestamp.now()
                    try db.execute(sql: """
                        INSERT INTO import_batch (kind, file_name, sha256, encoding, as_of, mode, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [kind.batchKind, name, BackgroundDigest.placeholder, encoding.rawValue, options.asOf.iso,
                                         options.snapshot ? "snapshot" : "update", started])
                    let batchID = db.lastInsertedRowID
                    guard let headers = try reader.nextRecord() else {
                        throw InputError(file: name, problem: Text(en: "the file is empty; it needs a header line and rows",
                                                                   zh: "文件为空；需要表头行和数据行"))
                    }
                    let mapping = try HeaderMapping(kind: kind, headers: headers, file: name, extra: extra)
                    summary.unknownColumns = mapping.unknownHeaders.map(Sanitized.message)
                    var importer = try Registry.importer(kind, db, mapping: mapping, batchID: batchID, options: options,
                                                         exactOrder: exactOrder)
                    let report = { (phase: ImportProgress.Phase) -> Void in
                        progress?(ImportProgress(rows: summary.read, bytesRead: size, totalBytes: size, phase: phase))
                    }
                    try importer.importRows(from: reader, phase: report) { record, outcome in
                        summary.read += 1
                        switch outcome {
                        case .inserted: summary.inserted += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        case .rejected(let rejection):
                            summary.rejected += 1
                            if rejection.namesUnknownUnit { summary.rejectedForUnknownUnit += 1 }
                            if writer == nil {
                                writer = RejectsWriter(output: rejectsFile, headers: mapping.headers, language: options.language)
                            }
                            try writer?.write(line: record.line, column: rejection.column, reason: rejection.reason, fields: record.strings)
                            // The first by line: a roster's rows are merged in member-number order.
                            let sample = summary.firstRejections
                            if sample.count < ImportSummary.rejectionSampleSize || record.line < (sample.last?.line ?? Int.max) {
                                // Shown on the web preview: masked and escaped as every message is.
                                let reason = Text(en: Sanitized.message(rejection.reason.en), zh: Sanitized.message(rejection.reason.zh))
                                let place = sample.firstIndex { $0.line > record.line } ?? sample.count
                                summary.firstRejections.insert(RejectedRow(line: record.line, column: rejection.column.map(Sanitized.message),
                                                                           reason: reason), at: place)
                                if summary.firstRejections.count > ImportSummary.rejectionSampleSize { summary.firstRejections.removeLast() }
                            }
                            if record.line < firstRejection?.line ?? Int.max {
                                firstRejection = (record.line, InputError(file: name, line: record.line, column: rejection.column,
                                                                          problem: rejection.reason).message(options.language))
                            }
                        }
                        // Often enough for a line that moves from the first second; the line itself
                        // redraws a few times a second at most.
                        if summary.read & 0x3FF == 0 {
                            progress?(ImportProgress(rows: summary.read, bytesRead: record.bytesRead, totalBytes: size))
                        }
                    }
                    if options.strict && summary.rejected > 0 {
                        finished = true
                        try writer?.finish()
                        throw ImportRefusal(problem: Text(
                            en: "\(summary.rejected) rows rejected, so nothing was imported (--strict); the first: \(firstRejection?.message ?? ""); all are in \(rejects)",
                            zh: "有 \(summary.rejected) 行被拒绝，因此未导入任何数据（--strict）；第一处：\(firstRejection?.message ?? "")；全部见 \(rejects)"))
                    }
                    if options.snapshot {
                        report(.lapsing)
                        summary.lapsed = try Registry.lapseAbsent(importer, options: options, file: name)
                    }
                    let sha256 = try digest.value(of: version)
                    try db.execute(sql: """
                        UPDATE import_batch SET sha256 = ?, read_count = ?, inserted_count = ?, updated_count = ?,
                            unchanged_count = ?, rejected_count = ?, lapsed_count = ?, finished_at = ? WHERE id = ?
                        """, arguments: [sha256, summary.read, summary.inserted, summary.updated, summary.unchanged,
                                         summary.rejected, summary.lapsed, Timestamp.now(), batchID])
                    try Registry.appendAudit(db, .importFile, subject: "\(kind.rawValue): \(name)", detail: """
                        batch \(batchID), as of \(options.asOf.iso)\(options.snapshot ? ", snapshot" : ""): \
                        read \(summary.read), inserted \(summary.inserted), updated \(summary.updated), \
                        unchanged \(summary.unchanged), rejected \(summary.rejected), lapsed \(summary.lapsed)
                        """, digest: sha256)
                    summary.batch = options.dryRun ? nil : batchID
                    // The rejects file is put in place before the commit: one that cannot be (a full
                    // disk, a folder that refuses it) leaves the registry as it was, with the error,
                    // not an import done and its rejected rows nowhere.
                    if let writer {
                        try writer.finish()
                        finished = true
                    }
                    if !options.dryRun { report(.committing) }
                    return options.dryRun ? .rollback : .commit
                }
            }
        } catch let failure as StepFailure {
            throw RegistryError.failure(path: self.path, code: failure.code, message: failure.message)
        } catch let error as DatabaseError {
            throw RegistryError.failure(path: self.path, code: error.resultCode.rawValue, message: error.message)
        }
        finished = true
        if writer == nil { RejectsWriter.removeStale(at: rejects) }
        summary.rejectsFile = writer?.path
        return summary
    }

    static func importer(_ kind: FileKind, _ db: Database, mapping: HeaderMapping, batchID: Int64,
                         options: ImportOptions, exactOrder: Bool = false) throws -> any RowImporter {
        switch kind {
        case .members:
            try MemberRowImporter(db, mapping: mapping, batchID: batchID, asOf: options.asOf, exactOrder: exactOrder)
        case .units: try UnitRowImporter(db, mapping: mapping, batchID: batchID, asOf: options.asOf)
        case .integrity: IntegrityRowImporter(db, mapping: mapping, batchID: batchID)
        case .boardSeats: BoardSeatRowImporter(db, mapping: mapping)
        case .boardAttendance: BoardAttendanceRowImporter(db, mapping: mapping)
        case .branches: BranchRowImporter(db, mapping: mapping)
        case .services: try ServiceRowImporter(db, mapping: mapping, batchID: batchID)
        case .registrations: try RegistrationRowImporter(db, mapping: mapping, batchID: batchID, asOf: options.asOf)
        }
    }

    /// Ends the open periods of members absent from a complete roster, unless that is too many.
    static func lapseAbsent(_ importer: any RowImporter, options: ImportOptions, file: String) throws -> Int {
        let (absent, current) = try importer.absentPeriods()
        let limit = LapseLimit(basisPoints: options.maxLapseBasisPoints)
        if limit.isExceeded(ending: absent.count, of: current) {
            let share = RoundedPercent(ratioOf: absent.count, to: current).text
            let suggested = LapseLimit.smallestPercentAllowing(ending: absent.count, of: current)
            let check = Text(en: "\(file): this snapshot would end \(absent.count) of \(current) current memberships (\(share)%), ",
                             zh: "\(file)：此快照将终止当前 \(current) 个会籍中的 \(absent.count) 个（\(share)%），")
            let advice: Text
            switch options.maxLapseSetting {
            case .flag:
                advice = Text(
                    en: "more than --max-lapse \(limit.text)%; nothing was changed. Check that the file is the whole roster at \(options.asOf.iso); if it is, run again with --max-lapse \(suggested)",
                    zh: "超过 --max-lapse \(limit.text)%；未作任何改动。请确认该文件是 \(options.asOf.iso) 的完整名册；如确认无误，请加 --max-lapse \(suggested) 重新运行")
            case .formField:
                advice = Text(
                    en: "more than the limit of \(limit.text)% on the form; nothing was changed. Check that the file is the whole roster at \(options.asOf.iso); if it is, upload it again with \(suggested) in that field",
                    zh: "超过表单上限 \(limit.text)%；未作任何改动。请确认该文件是 \(options.asOf.iso) 的完整名册；如确认无误，请在该栏填写 \(suggested) 后重新上传")
            }
            throw ImportRefusal(problem: Text(en: check.en + advice.en, zh: check.zh + advice.zh))
        }
        try importer.lapse(absent)
        return absent.count
    }
}
