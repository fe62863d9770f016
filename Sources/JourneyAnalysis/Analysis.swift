// Pain-point analysis lives here (see docs/pain-points.md).
