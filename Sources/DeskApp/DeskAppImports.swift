// The screens take every text from `Strings`, the one formatter (shared with the CLI and the
// domain's refusals), which lives beside the translation tables in OnderdakResources.
@_exported import OnderdakResources
