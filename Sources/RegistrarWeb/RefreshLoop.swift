import Foundation

/// A thread that calls `body` every `interval` seconds until stopped: how the web view's kept
/// figures (`DashboardCache`) and names (`MemberNameCache`) follow the registry ahead of the pages.
/// `body` returns false to end the loop (its owner is gone).
final class RefreshLoop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private let ended = DispatchSemaphore(value: 0)

    init(name: String, every interval: Double, _ body: @escaping @Sendable () -> Bool) {
        let thread = Thread { [weak self] in
            while let loop = self, !loop.isStopped, body() {
                Thread.sleep(forTimeInterval: interval)
            }
            self?.ended.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Ends the loop; `waiting` returns only once its thread has finished its last round.
    func stop(waiting: Bool = false) {
        lock.lock()
        stopped = true
        lock.unlock()
        if waiting {
            ended.wait()
            ended.signal() // for whoever else waits
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
