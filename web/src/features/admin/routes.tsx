import type { RouteObject } from 'react-router';
import { AdminIndexPage } from './pages/AdminIndexPage.tsx';

/** Every page below /:municipality/beheer. */
export const adminRoutes: RouteObject[] = [{ index: true, element: <AdminIndexPage /> }];
