export function AdminHome({ municipality }: { municipality: string }) {
  void [municipality];
  return null;
}
