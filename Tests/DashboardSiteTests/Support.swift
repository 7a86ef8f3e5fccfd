import DashboardCore
import DashboardSite
import Foundation
@_exported import TestSupport

/// Build options for a test: the repository's assets and two render jobs.
func options(input: String, output: String, clean: Bool = false, failAfterWrites: Int? = nil, asOf: Period? = nil) -> BuildOptions {
    BuildOptions(input: input, output: output, assets: exampleAssets, asOf: asOf, clean: clean, jobs: 2, failAfterWrites: failAfterWrites)
}
