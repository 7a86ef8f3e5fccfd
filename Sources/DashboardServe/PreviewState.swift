/// What the preview has built: a count of finished builds (good or failed), a count of sites published, and the
/// last build's error, if it failed. Open pages ask for it and reload when a new site is published.
public actor PreviewState {
    public struct Snapshot: Sendable, Equatable {
        /// Builds finished, successful or not.
        public var generation = 0
        /// Builds that published a site.
        public var site = 0
        /// The last build's problems, when it failed; the previous site is still served.
        public var error: String?
    }

    public private(set) var snapshot = Snapshot()

    public init() {}

    public func published() {
        snapshot.generation += 1
        snapshot.site += 1
        snapshot.error = nil
    }

    public func failed(_ message: String) {
        snapshot.generation += 1
        snapshot.error = message
    }

    /// The state once a build after `generation` has finished, or as it is when `timeout` runs out.
    public func next(after generation: Int, timeout: Duration) async -> Snapshot {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while snapshot.generation == generation, clock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return snapshot
    }
}
