export function ResidentHome({ municipality }: { municipality: string }) {
  void [municipality];
  return null;
}
