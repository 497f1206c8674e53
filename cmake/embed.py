#!/usr/bin/python3
"""Turns a binary file into a C++ source holding its bytes: embed.py IN OUT.cpp SYMBOL
Defines `extern const unsigned char SYMBOL[]` and `extern const unsigned long SYMBOL_size`."""
import sys

src, out, sym = sys.argv[1:4]
data = open(src, 'rb').read()
with open(out, 'w') as f:
    f.write(f'// Generated from {src.rsplit("/", 1)[-1]} by cmake/embed.py: do not edit.\n')
    f.write(f'extern const unsigned char {sym}[];\nextern const unsigned long {sym}_size;\n')
    f.write(f'alignas(16) const unsigned char {sym}[] = {{\n')
    for i in range(0, len(data), 32):
        f.write(','.join(str(b) for b in data[i:i + 32]))
        f.write(',\n')
    f.write('0};\n')
    f.write(f'const unsigned long {sym}_size = {len(data)};\n')
