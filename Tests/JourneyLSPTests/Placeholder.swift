import JourneyLSP
import Testing
