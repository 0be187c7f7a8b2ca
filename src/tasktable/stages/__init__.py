"""The pipeline, one module per stage, each a typed function from one value to the next:

decode (bytes -> str) -> read (str -> tables) -> stitch (tables -> grid)
-> realign (grid -> aligned rows) -> fill (aligned rows -> tasks).
"""
