"""Pipeline stages: read, clean, split, find. Each stage is a module of pure functions."""
