"""The pipeline, one module per stage, each a typed function from one value to the next:

decode (bytes -> str) -> read (str -> tables) -> stitch (tables -> grid)
-> roles (grid -> grid) -> realign (grid -> aligned rows) -> join (aligned rows -> drafts)
-> fill (drafts -> drafts, merged cells placed) -> tasks (drafts -> Task models).
"""
