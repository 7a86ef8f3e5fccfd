extension PageChrome {
    /// The page with the edition's date at the foot of every printed page ("figures as at July 2020"), where its
    /// title does not already say it, so a printed indicator page shows which edition it is from.
    func dated(_ asOf: String?) -> PageChrome {
        guard let asOf, !asOf.isEmpty, !pageTitle.hasSuffix(", " + asOf) else { return self }
        var dated = self
        dated.printFooter = PageChrome.footer(organisation, pageTitle + ", figures as at " + asOf)
        return dated
    }
}
