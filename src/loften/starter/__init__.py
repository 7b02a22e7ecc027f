"""The starter project ``loften init`` writes: a promise, two logs and a README.

Kept as package files (not code), so they are exactly what the user gets and can be
read, diffed and tested like any promise.
"""
