// The Swift face of libgvc.
