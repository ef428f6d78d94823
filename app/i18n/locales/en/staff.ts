export default {
  title: "Staff",
} as const;
