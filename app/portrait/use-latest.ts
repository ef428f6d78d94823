import { useEffect, useRef } from "react";

/**
 * A ref that always holds the last rendered value, for callbacks handed to
 * long-lived objects (editors, providers) made once in an effect.
 */
export function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
