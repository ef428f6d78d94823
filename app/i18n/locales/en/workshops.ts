export default {
  title: "Workshops",
} as const;
