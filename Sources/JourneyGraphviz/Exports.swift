// The graph description lives in JourneyGraph (no C); code that renders through libgvc
// sees both through this one import.
@_exported import JourneyGraph
