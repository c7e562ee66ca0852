export function OfficerHome({ municipality, departmentIds }: { municipality: string; departmentIds: string[] }) {
  void [municipality, departmentIds];
  return null;
}
