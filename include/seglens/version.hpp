#pragma once
namespace seglens {
inline constexpr const char* kVersion = "0.1.0";
}
