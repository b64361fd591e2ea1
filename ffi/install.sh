#!/usr/bin/env sh
# Builds the C library of safeguarding-resolution (this package,
# safeguarding-resolution-ffi) and installs it, with its header and a
# pkg-config file, under a prefix:
#
#     ffi/install.sh [PREFIX]          # default /usr/local
#
# Installs
#     PREFIX/include/safeguarding_resolution.h
#     PREFIX/lib/libsafeguarding_resolution.a
#     PREFIX/lib/libsafeguarding_resolution.so.X.Y.Z (Linux; SONAME
#         libsafeguarding_resolution.so.0.Y while the version is 0.x, since
#         a 0.x minor version may change the ABI; .so.MAJOR from 1.0), with
#         the links .so.<soname version> and .so, or
#     PREFIX/lib/libsafeguarding_resolution.dylib (macOS; install name
#         PREFIX/lib/libsafeguarding_resolution.dylib)
#     PREFIX/lib/pkgconfig/safeguarding_resolution.pc
#     PREFIX/lib/pkgconfig/safeguarding_resolution-static.pc
#
# so that a C program builds with
#     cc app.c $(pkg-config --cflags --libs safeguarding_resolution)
# and, linking the static library,
#     cc app.c $(pkg-config --cflags --libs safeguarding_resolution-static)
# (`pkg-config --static safeguarding_resolution` would still link the
# shared library where both are installed: a linker given
# -lsafeguarding_resolution takes the .so over the .a. The -static file
# names the archive by its path.)
#
# It works with any target directory (CARGO_TARGET_DIR or a configured
# one: cargo metadata says where) and writes nothing into the repository
# besides cargo's build. Needs cargo, and sed.
set -eu

prefix=${1:-/usr/local}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

name=safeguarding_resolution
package=safeguarding-resolution-ffi
# The C library's version (ffi/Cargo.toml; always the Rust crate's).
version=$(sed -n 's/^version = "\([^"]*\)"$/\1/p' ffi/Cargo.toml | head -n 1)
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if [ "$major" = 0 ]; then
    soversion="0.$minor"
else
    soversion="$major"
fi
target=$(cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
release="$target/release"

# The static library and a first shared library; then the shared library
# again with its SONAME (or install name), which only the final link of the
# cdylib needs.
cargo build --release --lib --package "$package"
case "$(uname -s)" in
    Darwin)
        shared="lib$name.dylib"
        cargo rustc --release --lib --package "$package" --crate-type cdylib \
            -- -C "link-arg=-Wl,-install_name,$prefix/lib/$shared"
        ;;
    *)
        shared="lib$name.so"
        cargo rustc --release --lib --package "$package" --crate-type cdylib \
            -- -C "link-arg=-Wl,-soname,$shared.$soversion"
        ;;
esac

# The system libraries a static link needs, as rustc reports them.
static_libs=$(cargo rustc --release --lib --package "$package" \
    --crate-type staticlib -- --print native-static-libs 2>&1 |
    sed -n 's/.*native-static-libs: //p' | tail -n 1)

mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
cp include/$name.h "$prefix/include/"
cp "$release/lib$name.a" "$prefix/lib/"
case "$shared" in
    *.dylib)
        cp "$release/$shared" "$prefix/lib/"
        ;;
    *)
        cp "$release/$shared" "$prefix/lib/$shared.$version"
        ln -sf "$shared.$version" "$prefix/lib/$shared.$soversion"
        ln -sf "$shared.$soversion" "$prefix/lib/$shared"
        ;;
esac

cat > "$prefix/lib/pkgconfig/$name.pc" <<EOF
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: $name
Description: Escalation policies of English safeguarding partnerships on the UK working-day calendar (C interface)
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -l$name
Libs.private: $static_libs
EOF

cat > "$prefix/lib/pkgconfig/$name-static.pc" <<EOF
prefix=$prefix
exec_prefix=\${prefix}
libdir=\${exec_prefix}/lib
includedir=\${prefix}/include

Name: $name-static
Description: Escalation policies of English safeguarding partnerships on the UK working-day calendar (C interface, the static library)
Version: $version
Cflags: -I\${includedir}
Libs: \${libdir}/lib$name.a $static_libs
EOF

echo "installed $name $version under $prefix"
