export default {
  tabs: {
    label: "Settings sections",
    profile: "District profile",
    groups: "Stakeholder groups",
    schools: "Schools",
    staff: "Staff",
  },
  title: "Settings",
} as const;
