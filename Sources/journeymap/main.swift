print("journeymap")
