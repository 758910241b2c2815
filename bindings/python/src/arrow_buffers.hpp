#pragma once
// One Arrow array as the Python layer hands it to C++ (after casting to its canonical type and
// combining chunks): length, offset, null count, validity bitmap or None, then its data buffers.
// Strings: int32 offsets and UTF-8 bytes; int64 and date32 (days since 1970-01-01): values.
// Shared by the declaration lines (register_declarations.cpp) and the batch tables
// (register_batch.cpp), so that no cell becomes a Python object.

#include <cstdint>
#include <string_view>

#include <pybind11/pybind11.h>

namespace zkpy {

namespace py = pybind11;

struct ArrowArray {
    std::int64_t length = 0, offset = 0, nulls = 0;
    py::buffer_info validity, first, second;
    bool has_validity = false;

    bool valid(std::int64_t i) const {
        if (!has_validity || nulls == 0) return true;
        const std::int64_t bit = offset + i;
        return (static_cast<const unsigned char*>(validity.ptr)[bit / 8] >> (bit % 8)) & 1;
    }
    std::string_view text(std::int64_t i) const {
        const auto* offsets = static_cast<const std::int32_t*>(first.ptr);
        const auto* data = static_cast<const char*>(second.ptr);
        const std::int32_t b = offsets[offset + i], e = offsets[offset + i + 1];
        return std::string_view(data + b, static_cast<std::size_t>(e - b));
    }
    std::int64_t int64(std::int64_t i) const { return static_cast<const std::int64_t*>(first.ptr)[offset + i]; }
    std::int32_t int32(std::int64_t i) const { return static_cast<const std::int32_t*>(first.ptr)[offset + i]; }
};

/// The array whose fields start at t[at]: (length, offset, nulls, validity or None, first[, second]).
inline ArrowArray arrow_array(const py::tuple& t, std::size_t at = 0) {
    ArrowArray a;
    a.length = t[at].cast<std::int64_t>();
    a.offset = t[at + 1].cast<std::int64_t>();
    a.nulls = t[at + 2].cast<std::int64_t>();
    if (!t[at + 3].is_none()) {
        a.validity = t[at + 3].cast<py::buffer>().request();
        a.has_validity = true;
    }
    a.first = t[at + 4].cast<py::buffer>().request();
    if (t.size() > at + 5) a.second = t[at + 5].cast<py::buffer>().request();
    return a;
}

}  // namespace zkpy
