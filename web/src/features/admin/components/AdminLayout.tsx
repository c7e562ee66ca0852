import '../admin.css';
import { Outlet } from 'react-router';
import { AdminOnly } from './AdminOnly.tsx';

/** The frame of every page below /beheer: one admin check for all of them. */
export function AdminLayout() {
  return (
    <AdminOnly>
      <Outlet />
    </AdminOnly>
  );
}
