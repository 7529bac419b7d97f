#pragma once

// Errors are values at the boundary (STYLE.md §11): decoders and stores return Result<T>, never
// throw past their layer. A small stand-in for C++23 std::expected, which Debian 12's toolchain
// lacks in C++20 mode.

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pluresdb {

struct Error {
    QString message;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_v(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    // On a temporary Result the value is moved out, so `for (auto& x : *f())` cannot dangle.
    T value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { return std::get<1>(m_v); }
    const QString& errorMessage() const { return error().message; }

private:
    std::variant<T, Error> m_v;
};

// Result<void>: success or an error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    const QString& errorMessage() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(QString message) {
    return Error{std::move(message)};
}

}  // namespace pluresdb
